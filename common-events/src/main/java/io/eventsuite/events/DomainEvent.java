package io.eventsuite.events;

import java.time.Instant;

/**
 * An immutable fact that happened, published on exactly one topic.
 */
public interface DomainEvent {

	/**
	 * The record key: events with the same key land on the same partition and keep their
	 * order.
	 * @return the key, never {@code null}
	 */
	String key();

	/**
	 * When the fact happened; becomes the CloudEvents {@code time} attribute.
	 * @return the instant of the occurrence
	 */
	Instant occurredAt();

}
