package io.eventsuite.benchmarks.tuning;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;

/**
 * The events of the activity payload: {@code ActivityRecorded} as activity-tracker
 * publishes it for its README's examples, mostly page views, from 1,000 users in sessions
 * of their own.
 */
final class ActivityEvents {

	/** What activity-tracker names as the source of its events. */
	static final URI SOURCE = URI.create("/eventsuite/activity-tracker");

	private static final int USERS = 1000;

	// A storefront's mix: most events are page views.
	private static final List<ActivityType> TYPES = List.of(ActivityType.PAGE_VIEW, ActivityType.PAGE_VIEW,
			ActivityType.PAGE_VIEW, ActivityType.PAGE_VIEW, ActivityType.CLICK, ActivityType.CLICK, ActivityType.SEARCH,
			ActivityType.ADD_TO_CART);

	private ActivityEvents() {
	}

	static ActivityRecorded next(long sequence) {
		int user = (int) (sequence % USERS);
		ActivityType type = TYPES.get((int) (sequence % TYPES.size()));
		return new ActivityRecorded(String.format("user-%04d", user), type, target(type, sequence),
				String.format("session-%04d", user), Instant.now());
	}

	private static String target(ActivityType type, long sequence) {
		return switch (type) {
			case CLICK -> "buy-button";
			case SEARCH -> "kafka books";
			case ADD_TO_CART -> "BOOK-" + (sequence % 500);
			default -> "/books/" + (sequence % 500);
		};
	}

}
