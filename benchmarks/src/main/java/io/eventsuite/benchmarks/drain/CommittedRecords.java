package io.eventsuite.benchmarks.drain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Counts the records of a topic a {@code read_committed} reader sees: records of
 * committed transactions only, without transaction markers (which the end offsets count)
 * and without aborted records.
 */
final class CommittedRecords {

	private CommittedRecords() {
	}

	/**
	 * Reads a topic from its beginning to its last stable offset and counts.
	 * @param bootstrapServers the cluster
	 * @param topic the topic
	 * @param bound the longest the reading may take
	 * @return how many records a read_committed reader gets
	 */
	static long count(String bootstrapServers, String topic, Duration bound) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			AtomicLong count = new AtomicLong();
			await("read " + topic + " to its end").atMost(bound)
				.pollInSameThread()
				.pollInterval(Duration.ofMillis(1))
				.until(() -> {
					count.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
					return partitions.stream()
						.allMatch((partition) -> consumer.position(partition) >= end.get(partition));
				});
			return count.get();
		}
	}

}
