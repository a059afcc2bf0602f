package io.eventsuite.support.kafka;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.events.wire.CloudEvent;

/**
 * One event on its way to the broker: the producer's callback for its record and the
 * future its publisher returns, in one object. It holds what its outcome and its log line
 * need, not the event: with the producer's buffer full, tens of thousands wait for the
 * broker at once, and whatever they hold lives through young collections.
 */
final class PendingDelivery extends CompletableFuture<Delivery> implements Callback {

	/** Logs as the publisher, where a service's logging configuration looks for it. */
	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final String topic;

	private final String eventId;

	private final String type;

	private final String key;

	/**
	 * A delivery to come.
	 * @param topic the name of the topic the event goes to
	 * @param key its record key, made once by the caller: an order's key is its id made
	 * into text anew at every call
	 * @param event the event
	 */
	PendingDelivery(String topic, String key, CloudEvent<?> event) {
		this.topic = topic;
		this.key = key;
		this.eventId = event.id();
		this.type = event.type();
	}

	/**
	 * The producer's answer, on its network thread (or on the sending thread, for a
	 * record it refuses at once).
	 */
	@Override
	public void onCompletion(RecordMetadata metadata, Exception failure) {
		if (failure != null) {
			fail(failure);
			return;
		}
		Delivery delivery = Delivery.of(this.eventId, metadata);
		// Logged only if this answer completed the delivery, not the deadline; and debug
		// checked before the arguments are built, which would be for every event on the
		// producer's network thread (5.6% of that thread in a recording of the publishing
		// benchmark).
		if (complete(delivery) && log.isDebugEnabled()) {
			log.debug("Published event id={} type={} key={} topic={} partition={} offset={}", this.eventId, this.type,
					this.key, this.topic, delivery.partition(), delivery.offset());
		}
	}

	/**
	 * Fails the delivery with a {@link PublishFailedException}, unless it is done
	 * already. The deadline and the producer may both fail it, even at once: only the
	 * failure that completes it is logged, so an event is reported once.
	 * @param cause what went wrong
	 */
	void fail(Throwable cause) {
		if (completeExceptionally(new PublishFailedException(this.topic, cause))) {
			log.warn("Could not publish event id={} type={} key={} topic={}: {}", this.eventId, this.type, this.key,
					this.topic, cause.toString());
		}
	}

}
