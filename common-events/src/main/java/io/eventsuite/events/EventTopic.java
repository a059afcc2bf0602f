package io.eventsuite.events;

import java.util.List;
import java.util.Optional;

/**
 * A topic of the contract: its default name, what its key is, and the only event types it
 * carries. The name is a default; services may rename topics through configuration, so
 * code refers to topics by this descriptor.
 *
 * @param <E> the sealed interface of the topic's events
 * @param defaultName the topic name unless configured otherwise; also the topic's id in
 * configuration
 * @param keyName what the record key holds (documentation for other languages)
 * @param eventInterface the sealed interface every event of the topic implements
 * @param types the event types the topic carries
 */
public record EventTopic<E extends DomainEvent>(String defaultName, String keyName, Class<E> eventInterface,
		List<EventType<? extends E>> types) {

	public EventTopic {
		types = List.copyOf(types);
	}

	/**
	 * Finds the type registered for a record class.
	 * @param eventClass the class of an event of this topic
	 * @return the registered type
	 * @throws IllegalArgumentException if the class is not part of this topic
	 */
	public EventType<? extends E> typeOf(Class<?> eventClass) {
		// A loop, not a stream: this runs for every event published.
		for (EventType<? extends E> type : this.types) {
			if (type.javaType() == eventClass) {
				return type;
			}
		}
		throw new IllegalArgumentException(eventClass.getName() + " is not an event of topic " + this.defaultName);
	}

	/**
	 * Finds the type registered for a CloudEvents type string.
	 * @param ceType the {@code ce_type} header value
	 * @return the type, empty when this topic does not carry it
	 */
	public Optional<EventType<? extends E>> typeOf(String ceType) {
		return this.types.stream().filter((type) -> type.ceType().equals(ceType)).findFirst();
	}

}
