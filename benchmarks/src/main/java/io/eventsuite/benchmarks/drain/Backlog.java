package io.eventsuite.benchmarks.drain;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.eventsuite.benchmarks.producer.OrderEvents;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

/**
 * The backlog to drain: {@code OrderPlaced} events as order-service writes them
 * (CloudEvents headers, JSON value, keyed by order id), written as fast as a plain
 * producer goes. How they are written is not measured; only that every one is there.
 */
final class Backlog {

	private Backlog() {
	}

	/**
	 * Writes the events and waits until the broker has every one.
	 * @param bootstrapServers the broker
	 * @param topic the topic, with the layout of {@code orders}
	 * @param records how many
	 * @throws IllegalStateException if any was not written
	 */
	static void write(String bootstrapServers, String topic, int records) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		// Large batches and acks=1: the quickest way in; the consumer sees the same
		// records
		// as with order-service's settings.
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG,
				256 * 1024, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		try (KafkaProducer<String, CloudEvent<?>> producer = new KafkaProducer<>(config, new StringSerializer(),
				new CloudEventSerializer())) {
			for (long sequence = 0; sequence < records && failure.get() == null; sequence++) {
				CloudEvent<OrderPlaced> event = CloudEvent.of(OrderEvents.SOURCE, OrderEvents.next(sequence));
				producer.send(new ProducerRecord<>(topic, event.key(), event), (metadata, exception) -> {
					if (exception != null) {
						failure.compareAndSet(null, exception);
					}
				});
			}
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Could not write the backlog", failure.get());
		}
	}

}
