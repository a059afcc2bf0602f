package io.eventsuite.test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic's records as bytes, exactly as they are on the wire, for checks a typed
 * reader would hide.
 */
public final class RawTopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private RawTopicReader(String topic) {
		this.consumer = new KafkaConsumer<>(TestKafkaBroker.readerConfig(), new StringDeserializer(),
				new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
	}

	public static RawTopicReader of(String topic) {
		return new RawTopicReader(topic);
	}

	/**
	 * Waits for a record that matches.
	 * @param condition what the record must satisfy
	 * @return the first record that does
	 */
	public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> condition) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (condition.test(record)) {
					return Optional.of(record);
				}
			}
			return Optional.<ConsumerRecord<String, byte[]>>empty();
		}, Optional::isPresent).orElseThrow();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
