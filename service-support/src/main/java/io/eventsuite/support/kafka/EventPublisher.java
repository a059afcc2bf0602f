package io.eventsuite.support.kafka;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.EventTopic;
import io.eventsuite.events.wire.CloudEvent;

/**
 * Publishes events as CloudEvents, keyed by the event's key, and reports each delivery
 * without blocking the caller: the returned future completes from the producer's delivery
 * callback. Services wrap it in one publisher per topic.
 */
public class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

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
		CompletableFuture<SendResult<String, CloudEvent<?>>> sent;
		try {
			sent = this.template.send(new ProducerRecord<>(name, cloudEvent.key(), cloudEvent));
		}
		catch (RuntimeException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		// One stage on the send's own future, not a chain: this runs for every event.
		CompletableFuture<Delivery> outcome = new CompletableFuture<>();
		// Bounded by the producer's own timeouts; this is the safety net above them.
		this.deadlines.watch(sent).whenComplete((result, failure) -> {
			if (failure == null) {
				Delivery delivery = Delivery.of(cloudEvent.id(), result.getRecordMetadata());
				// Checked first: the arguments would be built for every event on the
				// producer's network thread, and an order's key is its id made into text
				// anew (5.6% of that thread in a recording of the publishing benchmark).
				if (log.isDebugEnabled()) {
					log.debug("Published event id={} type={} key={} topic={} partition={} offset={}",
							delivery.eventId(), cloudEvent.type(), cloudEvent.key(), delivery.topic(),
							delivery.partition(), delivery.offset());
				}
				outcome.complete(delivery);
				return;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			log.warn("Could not publish event id={} type={} key={} topic={}: {}", cloudEvent.id(), cloudEvent.type(),
					cloudEvent.key(), name, cause.toString());
			outcome.completeExceptionally(new PublishFailedException(name, cause));
		});
		return outcome;
	}

}
