package io.eventsuite.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventDeserializer;
import io.eventsuite.events.wire.InvalidCloudEventException;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from its beginning the way a consumer in any language would: CloudEvents
 * headers plus JSON.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, CloudEvent<DomainEvent>> consumer;

	private final List<ConsumerRecord<String, CloudEvent<DomainEvent>>> seen = new ArrayList<>();

	private TopicReader(String topic, String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(TestKafkaBroker.readerConfig(bootstrapServers), new StringDeserializer(),
				new EventsOnly());
		this.consumer.subscribe(List.of(topic));
	}

	/**
	 * Starts reading a topic from its beginning.
	 * @param topic the topic name
	 * @return the reader, to be closed
	 */
	public static TopicReader of(String topic) {
		return new TopicReader(topic, TestKafkaBroker.bootstrapServers());
	}

	/**
	 * Starts reading a topic of any cluster from its beginning.
	 * @param topic the topic name
	 * @param bootstrapServers the cluster
	 * @return the reader, to be closed
	 */
	public static TopicReader of(String topic, String bootstrapServers) {
		return new TopicReader(topic, bootstrapServers);
	}

	/**
	 * Waits until a record that matches has been read.
	 * @param condition what the record must satisfy
	 * @return the first record that does
	 */
	public ConsumerRecord<String, CloudEvent<DomainEvent>> awaitRecord(
			Predicate<ConsumerRecord<String, CloudEvent<DomainEvent>>> condition) {
		return await().pollInSameThread()
			.atMost(Duration.ofSeconds(30))
			.until(() -> poll().stream().filter(condition).findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * Waits until at least {@code count} records that match have been read.
	 * @param count how many
	 * @param condition what each must satisfy
	 * @return every matching record read so far, in the order read
	 */
	public List<ConsumerRecord<String, CloudEvent<DomainEvent>>> awaitRecords(int count,
			Predicate<ConsumerRecord<String, CloudEvent<DomainEvent>>> condition) {
		return await().pollInSameThread()
			.atMost(Duration.ofSeconds(30))
			.until(() -> poll().stream().filter(condition).toList(), (records) -> records.size() >= count);
	}

	/**
	 * Reads everything the topic holds right now: up to the end offset of every partition
	 * at the time of the call.
	 * @return every record read so far, in the order read
	 */
	public List<ConsumerRecord<String, CloudEvent<DomainEvent>>> readToEnd() {
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(30))
			.until(() -> !this.consumer.assignment().isEmpty() || !poll().isEmpty());
		Map<org.apache.kafka.common.TopicPartition, Long> end = this.consumer.endOffsets(this.consumer.assignment());
		await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
			poll();
			return end.entrySet().stream().allMatch((e) -> this.consumer.position(e.getKey()) >= e.getValue());
		});
		return List.copyOf(this.seen);
	}

	private List<ConsumerRecord<String, CloudEvent<DomainEvent>>> poll() {
		for (ConsumerRecord<String, CloudEvent<DomainEvent>> record : this.consumer.poll(Duration.ofMillis(200))) {
			if (record.value() != null) {
				this.seen.add(record);
			}
		}
		return this.seen;
	}

	/**
	 * Reads events and passes over anything else (a test's poison pills), which
	 * dead-letter topics account for.
	 */
	private static final class EventsOnly extends CloudEventDeserializer {

		@Override
		public CloudEvent<DomainEvent> deserialize(String topic, org.apache.kafka.common.header.Headers headers,
				byte[] data) {
			try {
				return super.deserialize(topic, headers, data);
			}
			catch (InvalidCloudEventException ex) {
				return null;
			}
		}

	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
