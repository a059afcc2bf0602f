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
 * What is given up by not going through {@link KafkaTemplate#send}: the template's
 * {@code ProducerListener} (Boot's logs failures, which this class logs itself), its
 * observation (off unless enabled) and its Micrometer timer
 * {@code spring.kafka.template}; the producer's own metrics stay. Transactions are the
 * template's as before: inside one, the record goes through the transaction's producer.
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
		// The template's producer with a callback of its own, not KafkaTemplate#send: the
		// send's future would hold the whole record (the event, its headers) until the
		// broker answers, and with the producer's buffer full that kept tens of thousands
		// of events alive across young collections. The producer keeps none of the record
		// but its headers once it is in a batch.
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
