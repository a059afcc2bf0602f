package io.eventsuite.activity.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.support.web.MaxCharacters;

/**
 * One activity, the body of {@code POST /api/activity} and an element of
 * {@code POST /api/activity/batch}.
 *
 * @param userId who
 * @param type what kind of activity
 * @param target what it was done to: a page path, an element id, a search query, a SKU
 * @param sessionId the browsing session, optional
 * @param occurredAt when, as an ISO-8601 instant, not before 1970 and at most 5 minutes
 * ahead of the service's clock; the time of arrival when absent
 */
record RecordActivityRequest(@NotBlank @MaxCharacters(64) String userId, @NotNull ActivityType type,
		@NotNull @MaxCharacters(2048) String target, @MaxCharacters(128) String sessionId,
		@NotBeforeEpoch @NotFarInFuture Instant occurredAt) {

	ActivityRecorded toEvent(Instant receivedAt) {
		return new ActivityRecorded(this.userId, this.type, this.target, this.sessionId,
				(this.occurredAt != null) ? this.occurredAt : receivedAt);
	}

}
