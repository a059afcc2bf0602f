package io.eventsuite.events.wire;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.Topics;

/**
 * A domain event with its CloudEvents context attributes: what a producer sends and a
 * consumer receives.
 *
 * @param <E> the event
 * @param id unique per event; a redelivered record carries the same id, so consumers can
 * recognise it
 * @param source the producing service, for example {@code /eventsuite/order-service}
 * @param type the versioned event type, for example {@code eventsuite.order.placed.v1}
 * @param time when the fact happened
 * @param data the event itself
 */
public record CloudEvent<E extends DomainEvent>(String id, URI source, String type, Instant time, E data) {

	/** The only CloudEvents version this binding writes and reads. */
	public static final String SPEC_VERSION = "1.0";

	public CloudEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Wraps an event for sending, with a fresh time-ordered id ({@link EventIds}) and the
	 * type the contract registers for its class.
	 * @param <E> the event
	 * @param source the producing service
	 * @param data the event
	 * @return the envelope
	 */
	public static <E extends DomainEvent> CloudEvent<E> of(URI source, E data) {
		return new CloudEvent<>(EventIds.next(), source, Topics.typeOf(data.getClass()).ceType(), data.occurredAt(),
				data);
	}

	/**
	 * The record key of the wrapped event.
	 * @return the key
	 */
	public String key() {
		return this.data.key();
	}

}
