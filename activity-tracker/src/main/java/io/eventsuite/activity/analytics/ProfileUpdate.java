package io.eventsuite.activity.analytics;

import java.time.Instant;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;

/**
 * One change to a user's profile, whatever topic it came from: the common value of the
 * streams the profile aggregation merges, and what the {@code orders-by-customer} and
 * {@code chat-by-sender} repartition topics carry. Small on purpose: no order lines and
 * no message text travel through the repartition topics.
 *
 * @param kind what happened
 * @param activityType the activity type, for {@link Kind#ACTIVITY} only
 * @param at when it happened, {@code null} for an erasure
 */
record ProfileUpdate(Kind kind, ActivityType activityType, Instant at) {

	static ProfileUpdate activity(ActivityRecorded activity) {
		return new ProfileUpdate(Kind.ACTIVITY, activity.type(), activity.occurredAt());
	}

	static ProfileUpdate orderPlaced(Instant at) {
		return new ProfileUpdate(Kind.ORDER_PLACED, null, at);
	}

	static ProfileUpdate chatMessageSent(Instant at) {
		return new ProfileUpdate(Kind.CHAT_MESSAGE_SENT, null, at);
	}

	static ProfileUpdate erasure() {
		return new ProfileUpdate(Kind.ERASURE, null, null);
	}

	/**
	 * What a profile update is about.
	 */
	enum Kind {

		ACTIVITY, ORDER_PLACED, CHAT_MESSAGE_SENT,

		/** A tombstone on {@code user-activity}: forget the user. */
		ERASURE

	}

}
