package io.eventsuite.events.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.eventsuite.events.Lengths;

/**
 * A user was notified.
 *
 * @param notificationId the notification; derived from the source event so a redelivery
 * yields the same id
 * @param userId who is notified, also the record key
 * @param kind what it is about
 * @param title one line for a list
 * @param body the text
 * @param sourceEventId the CloudEvents id of the event that caused it
 * @param sentAt when
 */
public record NotificationSent(UUID notificationId, String userId, NotificationKind kind, String title, String body,
		String sourceEventId, Instant sentAt) implements NotificationEvent {

	/** The longest user id: the schema's {@code maxLength}. */
	public static final int MAX_USER_ID = 64;

	/** The longest title: the schema's {@code maxLength}. */
	public static final int MAX_TITLE = 200;

	/** The longest body: the schema's {@code maxLength}. */
	public static final int MAX_BODY = 2_000;

	/** The longest source event id: the schema's {@code maxLength}. */
	public static final int MAX_SOURCE_EVENT_ID = 1_000;

	public NotificationSent {
		Objects.requireNonNull(notificationId, "notificationId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(sourceEventId, "sourceEventId");
		Objects.requireNonNull(sentAt, "sentAt");
	}

	@Override
	public Instant occurredAt() {
		return this.sentAt;
	}

	/**
	 * Whether every text is within the schema's limits. Any producer may write to
	 * {@code notifications}; a reader that keeps notifications should keep only these.
	 * @return {@code true} if no text is longer than its {@code maxLength}
	 */
	public boolean withinLimits() {
		return Lengths.within(this.userId, MAX_USER_ID) && Lengths.within(this.title, MAX_TITLE)
				&& Lengths.within(this.body, MAX_BODY) && Lengths.within(this.sourceEventId, MAX_SOURCE_EVENT_ID);
	}

}
