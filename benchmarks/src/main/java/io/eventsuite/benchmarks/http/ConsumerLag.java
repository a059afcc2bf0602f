package io.eventsuite.benchmarks.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.test.KafkaCluster;

import static org.awaitility.Awaitility.await;

/**
 * Waits until a consumer group has read everything, so that a measurement does not pay
 * for the work the one before it left behind: order-service's Kafka Streams views keep
 * folding the orders of a run for seconds after its last request.
 */
public final class ConsumerLag {

	private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

	private ConsumerLag() {
	}

	/**
	 * Waits until the group's committed offsets reach the end of every partition it
	 * reads, allowing one offset per partition for a transaction marker it may not have
	 * committed past yet.
	 * @param cluster the broker
	 * @param group the consumer group (a Kafka Streams application id)
	 * @param bound the longest wait; a group still behind after it is logged, not fatal
	 */
	public static void awaitCaughtUp(KafkaCluster cluster, String group, Duration bound) {
		try (Admin admin = cluster.admin()) {
			await("consumer group " + group + " caught up").atMost(bound)
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> lag(admin, group) <= 0);
		}
		catch (ConditionTimeoutException ex) {
			log.warn("{}: measuring anyway", ex.getMessage());
		}
	}

	private static long lag(Admin admin, String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(5, TimeUnit.SECONDS);
		if (committed.isEmpty()) {
			return Long.MAX_VALUE;
		}
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin
			.listOffsets(committed.keySet().stream().collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.latest())))
			.all()
			.get(5, TimeUnit.SECONDS);
		return committed.entrySet()
			.stream()
			.mapToLong((entry) -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset() - 1))
			.sum();
	}

}
