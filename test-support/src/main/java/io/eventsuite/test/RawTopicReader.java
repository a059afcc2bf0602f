package io.eventsuite.test;

import java.time.Duration;
import java.util.List;
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

	private final List<ConsumerRecord<String, byte[]>> seen = new java.util.ArrayList<>();

	private RawTopicReader(String topic, String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(TestKafkaBroker.readerConfig(bootstrapServers), new StringDeserializer(),
				new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
	}

	public static RawTopicReader of(String topic) {
		return new RawTopicReader(topic, TestKafkaBroker.bootstrapServers());
	}

	/**
	 * Reads a topic of any cluster.
	 * @param topic the topic
	 * @param bootstrapServers the cluster
	 * @return the reader, to be closed
	 */
	public static RawTopicReader of(String topic, String bootstrapServers) {
		return new RawTopicReader(topic, bootstrapServers);
	}

	/**
	 * Waits for a record that matches.
	 * @param condition what the record must satisfy
	 * @return the first record that does
	 */
	public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> condition) {
		return awaitRecords(1, condition).get(0);
	}

	/**
	 * Waits for at least {@code count} records that match.
	 * @param count how many
	 * @param condition what each must satisfy
	 * @return every matching record read so far
	 */
	public List<ConsumerRecord<String, byte[]>> awaitRecords(int count,
			Predicate<ConsumerRecord<String, byte[]>> condition) {
		return await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return this.seen.stream().filter(condition).toList();
		}, (records) -> records.size() >= count);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
