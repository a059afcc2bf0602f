package io.eventsuite.benchmarks.activity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * How many records a topic holds, from the end offsets of its partitions: the events a
 * service has really written, not only buffered. Exact for a topic that is written
 * without transactions and never compacted or truncated during a run.
 */
final class TopicRecords {

	private TopicRecords() {
	}

	/**
	 * The sum of the topic's end offsets.
	 * @param admin a client of the broker
	 * @param topic the topic
	 * @return the records written to it so far
	 */
	static long count(Admin admin, String topic) {
		try {
			List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			Map<TopicPartition, OffsetSpec> latest = partitions.stream()
				.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.latest()));
			return admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.mapToLong(ListOffsetsResultInfo::offset)
				.sum();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not read the end offsets of " + topic, ex);
		}
	}

	/**
	 * Waits until the topic holds at least a number of records.
	 * @param admin a client of the broker
	 * @param topic the topic
	 * @param records how many
	 * @param bound the longest wait
	 */
	static void awaitAtLeast(Admin admin, String topic, long records, Duration bound) {
		await(topic + " holding " + records + " records").atMost(bound)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> count(admin, topic) >= records);
	}

}
