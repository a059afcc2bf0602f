package io.eventsuite.activity.analytics;

import java.util.List;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;

/**
 * What the analytics accept from each input topic. A readable event that does not pass
 * raises an {@link InvalidEventException}, which the processing exception handler
 * dead-letters: an invalid event is never counted and never silently dropped.
 */
final class ValidEvents {

	private ValidEvents() {
	}

	/**
	 * An activity whose user id is set, is the record key, whose target is set, and whose
	 * time a Kafka timestamp can hold: not before 1970 (the API refuses that too), nor
	 * past a {@code long} of milliseconds.
	 * @param key the record key
	 * @param event the event
	 * @return the activity
	 */
	static ActivityRecorded activity(String key, CloudEvent<DomainEvent> event) {
		if (!(event.data() instanceof ActivityRecorded activity)) {
			throw invalid(event, "is not an activity event");
		}
		if (isBlank(activity.userId()) || isBlank(activity.target())) {
			throw invalid(event, "has a blank userId or target");
		}
		if (!activity.userId().equals(key)) {
			throw invalid(event, "has the key " + key + ", not its userId " + activity.userId());
		}
		if (!EventTimeExtractor.isTimestamp(activity.occurredAt())) {
			throw invalid(event, "occurred at " + activity.occurredAt()
					+ ", which no Kafka timestamp can hold: before 1970-01-01T00:00:00Z or past a long of milliseconds");
		}
		return activity;
	}

	/**
	 * A tombstone keyed by the user it erases.
	 * @param userId the record key
	 * @param tombstone {@code null}
	 * @return the erasure of that user's profile
	 */
	static ProfileUpdate erasure(String userId, CloudEvent<DomainEvent> tombstone) {
		if (isBlank(userId)) {
			throw new InvalidEventException("A tombstone on user-activity without a user id as key erases nobody");
		}
		return ProfileUpdate.erasure();
	}

	/**
	 * A placed order with a customer; other order events change nothing here.
	 * @param event the event
	 * @return the placed order, or nothing for a cancellation
	 */
	static List<OrderPlaced> placedOrder(CloudEvent<DomainEvent> event) {
		if (event.data() instanceof OrderPlaced placed) {
			if (isBlank(placed.customerId())) {
				throw invalid(event, "has a blank customerId");
			}
			return List.of(placed);
		}
		if (event.data() instanceof OrderEvent) {
			// A cancellation does not undo that the customer placed an order.
			return List.of();
		}
		throw invalid(event, "is not an order event");
	}

	/**
	 * A chat message with a sender.
	 * @param event the event
	 * @return the message
	 */
	static ChatMessageSent sentMessage(CloudEvent<DomainEvent> event) {
		if (!(event.data() instanceof ChatMessageSent sent)) {
			throw invalid(event, "is not a chat event");
		}
		if (isBlank(sent.senderId())) {
			throw invalid(event, "has a blank senderId");
		}
		return sent;
	}

	private static InvalidEventException invalid(CloudEvent<DomainEvent> event, String problem) {
		return new InvalidEventException("Event id=" + event.id() + " type=" + event.type() + " " + problem);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
