package io.eventsuite.activity.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.eventsuite.events.Topics;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.support.kafka.Delivery;
import io.eventsuite.support.kafka.EventPublisher;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PartlyPublishedException;
import io.eventsuite.support.kafka.PublishFailedException;

/**
 * The one writer of events to the {@code user-activity} topic ({@link UserErasure} writes
 * its tombstones). Events are keyed by user id, so the events of one user land on one
 * partition.
 * <p>
 * Fire-and-forget: {@link #publish(List)} returns once the producer has buffered the
 * events and does not wait for the broker. Because no caller waits, the delivery outcome
 * is only visible in the {@code eventsuite.activity.published} and
 * {@code eventsuite.activity.failed} counters and the log.
 */
@Component
public class ActivityPublisher {

	static final String PUBLISHED = "eventsuite.activity.published";

	static final String FAILED = "eventsuite.activity.failed";

	private static final Logger log = LoggerFactory.getLogger(ActivityPublisher.class);

	private final EventPublisher publisher;

	private final String topic;

	private final MeterRegistry meters;

	private final Counter published;

	ActivityPublisher(EventPublisher publisher, EventTopics topics, MeterRegistry meters) {
		this.publisher = publisher;
		this.topic = topics.name(Topics.USER_ACTIVITY);
		this.meters = meters;
		this.published = Counter.builder(PUBLISHED)
			.description("Activity events the broker acknowledged")
			.register(meters);
	}

	/**
	 * Hands events to the producer in order, without waiting for the broker.
	 * @param events the events
	 * @return how many were handed over, always all of them
	 * @throws PublishFailedException when the producer refused the first event at once
	 * (buffer full, no metadata within {@code max.block.ms}); the others were not tried
	 * @throws PartlyPublishedException when it refused a later one: the events before it
	 * are buffered, the ones after it were not tried
	 */
	public int publish(List<ActivityRecorded> events) {
		for (int index = 0; index < events.size(); index++) {
			ActivityRecorded event = events.get(index);
			CompletableFuture<Delivery> delivery = this.publisher.publish(Topics.USER_ACTIVITY, event);
			// What the log line needs, not the event: it would live until the broker
			// answers, as thousands of others do at this rate.
			String userId = event.userId();
			ActivityType type = event.type();
			delivery.whenComplete((result, failure) -> count(userId, type, failure));
			// A future that is already failed means the producer refused the record while
			// send() ran, so the caller can still be told; stopping here avoids blocking
			// max.block.ms once more for every remaining event.
			if (delivery.isCompletedExceptionally()) {
				RuntimeException failure = failureOf(delivery);
				if (index == 0) {
					throw failure;
				}
				Throwable cause = (failure instanceof PublishFailedException publishFailed
						&& publishFailed.getCause() != null) ? publishFailed.getCause() : failure;
				throw new PartlyPublishedException(this.topic, cause, index);
			}
		}
		return events.size();
	}

	private void count(String userId, ActivityType type, Throwable failure) {
		if (failure == null) {
			this.published.increment();
			return;
		}
		String reason = rootCause(failure).getClass().getSimpleName();
		this.meters.counter(FAILED, "reason", reason).increment();
		// WARN, not ERROR: this is loss-tolerant telemetry, but lost events must be
		// visible.
		log.warn("Activity event lost userId={} type={} topic={} reason={}", userId, type, this.topic, reason);
	}

	private RuntimeException failureOf(CompletableFuture<Delivery> delivery) {
		Throwable failure = delivery.handle((result, ex) -> ex).join();
		if (failure instanceof CompletionException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		return (failure instanceof RuntimeException runtime) ? runtime
				: new PublishFailedException(this.topic, failure);
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
