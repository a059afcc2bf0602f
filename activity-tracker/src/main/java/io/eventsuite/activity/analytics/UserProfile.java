package io.eventsuite.activity.analytics;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.eventsuite.events.activity.ActivityType;

/**
 * What the analytics know about one user, the value of the {@code user-profiles} store.
 *
 * @param userId the user
 * @param activities how many events of each activity type the user recorded
 * @param ordersPlaced how many orders the user placed
 * @param chatMessagesSent how many chat messages the user sent
 * @param lastSeen the latest event time of any of those, as the events say (not when they
 * arrived)
 */
public record UserProfile(String userId, Map<ActivityType, Long> activities, long ordersPlaced, long chatMessagesSent,
		Instant lastSeen) {

	public UserProfile {
		// Sorted, so that every instance and every restore writes the same JSON.
		activities = Collections
			.unmodifiableSortedMap((activities != null) ? new TreeMap<>(activities) : new TreeMap<>());
	}

	/**
	 * The profile before the first event: no user yet, nothing counted.
	 * @return the starting point of the aggregation
	 */
	static UserProfile none() {
		return new UserProfile(null, Map.of(), 0, 0, null);
	}

	/**
	 * The profile after one more update.
	 * @param userId the user, the record key
	 * @param update what happened
	 * @return the new profile, {@code null} after an erasure: the aggregation then
	 * deletes the user's entry and writes a tombstone to the store's changelog
	 */
	UserProfile apply(String userId, ProfileUpdate update) {
		return switch (update.kind()) {
			case ERASURE -> null;
			case ACTIVITY -> new UserProfile(userId, plusOne(update.activityType()), this.ordersPlaced,
					this.chatMessagesSent, latest(update.at()));
			case ORDER_PLACED -> new UserProfile(userId, this.activities, this.ordersPlaced + 1, this.chatMessagesSent,
					latest(update.at()));
			case CHAT_MESSAGE_SENT -> new UserProfile(userId, this.activities, this.ordersPlaced,
					this.chatMessagesSent + 1, latest(update.at()));
		};
	}

	private Map<ActivityType, Long> plusOne(ActivityType type) {
		Map<ActivityType, Long> counts = new TreeMap<>(this.activities);
		counts.merge(type, 1L, Long::sum);
		return counts;
	}

	private Instant latest(Instant at) {
		return (this.lastSeen == null || at.isAfter(this.lastSeen)) ? at : this.lastSeen;
	}

}
