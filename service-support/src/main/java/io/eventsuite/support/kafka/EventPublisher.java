package io.eventsuite.support.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.EventTopic;
import io.eventsuite.events.wire.CloudEvent;

/**
 * Publishes events as CloudEvents, keyed by the event's key, and reports each delivery
 * without blocking the caller: the returned future completes from the producer's delivery
 * callback. Services wrap it in one publisher per topic.
 * <p>
 * Records go to the template's producer with a {@link PendingDelivery} as their callback,
 * not through {@link KafkaTemplate#send}, whose future holds the whole record until the
 * broker answers. Given up with {@code send}: the template's {@code ProducerListener}
 * (Boot's logs failures, which this class logs itself), its observation (off unless
 * enabled) and its Micrometer timer {@code spring.kafka.template}; the producer's own
 * metrics stay. Transactions are the template's as before: inside one, the record goes
 * through the transaction's producer. The template closes the producer it was handed
 * right after the send rather than in the callback, which for a producer factory's shared
 * producer does nothing.
 */
public class EventPublisher {

	private final KafkaTemplate<String, CloudEvent<?>> template;

	private final EventTopics topics;

	private final URI source;

	private final DeliveryDeadlines deadlines;

	public EventPublisher(KafkaTemplate<String, CloudEvent<?>> template, EventTopics topics, URI source,
			Duration timeout) {
		this.template = template;
		this.topics = topics;
		this.source = source;
		this.deadlines = DeliveryDeadlines.of(timeout);
	}

	/**
	 * Sends an event. The call returns once the record is in the producer's buffer; it
	 * blocks only while the producer waits for metadata or buffer space, bounded by
	 * {@code max.block.ms}.
	 * @param <E> the event
	 * @param topic the contract topic the event belongs to
	 * @param event the event
	 * @return completes with where the broker put the event, or with a
	 * {@link PublishFailedException}
	 */
	public <E extends DomainEvent> CompletableFuture<Delivery> publish(EventTopic<? super E> topic, E event) {
		topic.typeOf(event.getClass());
		CloudEvent<E> cloudEvent = CloudEvent.of(this.source, event);
		String name = this.topics.name(topic);
		String key = cloudEvent.key();
		PendingDelivery delivery = new PendingDelivery(name, key, cloudEvent);
		ProducerRecord<String, CloudEvent<?>> record = new ProducerRecord<>(name, key, cloudEvent);
		// Nothing here may hold the event once it is in a batch (see PendingDelivery).
		try {
			this.template.execute((producer) -> producer.send(record, delivery));
		}
		catch (RuntimeException ex) {
			delivery.fail(ex);
		}
		// Bounded by the producer's own timeouts; this is the safety net above them.
		return this.deadlines.watch(delivery);
	}

}
