package io.eventsuite.events.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A user did something worth counting.
 *
 * @param userId who
 * @param type what kind of activity
 * @param target what it was done to: a page path, an element id, a search query, a SKU
 * @param sessionId the browsing session, {@code null} when unknown
 * @param occurredAt when, as seen by the client
 */
public record ActivityRecorded(String userId, ActivityType type, String target, String sessionId,
		Instant occurredAt) implements ActivityEvent {

	/**
	 * How far a client's clock may be ahead of the receiver's. An {@code occurredAt}
	 * later than that is refused at the API. Consumers that window by event time count an
	 * event no later than its record's timestamp, when it was sent: even an event within
	 * the skew would otherwise move stream time ahead and make every other event look
	 * late.
	 */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	public ActivityRecorded {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
