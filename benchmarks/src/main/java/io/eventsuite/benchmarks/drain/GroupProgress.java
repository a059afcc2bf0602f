package io.eventsuite.benchmarks.drain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Watches a consumer group drain a topic from outside, through the offsets it commits:
 * what it has committed is what it has finished (for notification-service, notified and
 * committed in the same transaction). The clock starts at the first commit seen, so
 * start-up, joining the group and the first poll are not counted, and stops when the
 * group has committed the end of every partition, or when a bound (counted from the first
 * commit) runs out. It also notes when half of the backlog left at the first commit was
 * done: the rate over the second half is the drain with the JIT further along.
 */
final class GroupProgress {

	private static final Duration POLL = Duration.ofMillis(100);

	/** The longest wait from a ready service to its group's first commit. */
	private static final Duration FIRST_COMMIT = Duration.ofMinutes(2);

	private final Admin admin;

	private final String group;

	private final long total;

	private long firstNanos;

	private long firstCommitted;

	private long halfNanos;

	private long halfCommitted;

	private long lastNanos;

	private long lastCommitted;

	private GroupProgress(Admin admin, String group, long total) {
		this.admin = admin;
		this.group = group;
		this.total = total;
	}

	/**
	 * Waits for a group's first commit, then until it has committed every record of a
	 * topic.
	 * @param admin an admin client of the cluster
	 * @param group the consumer group
	 * @param topic the topic it drains
	 * @param bound the longest the drain may take from the first commit
	 * @return what it drained while timed
	 */
	static Drain drain(Admin admin, String group, String topic, Duration bound) {
		GroupProgress progress = new GroupProgress(admin, group, total(admin, topic));
		await("first commit of group " + group).atMost(FIRST_COMMIT)
			.pollInterval(POLL)
			.pollInSameThread()
			.until(() -> progress.observe() || progress.firstNanos != 0);
		boolean complete;
		try {
			await("group " + group + " drained " + topic).atMost(bound)
				.pollInterval(POLL)
				.pollInSameThread()
				.until(progress::observe);
			complete = true;
		}
		catch (ConditionTimeoutException ex) {
			complete = false;
		}
		return new Drain(progress.firstCommitted, progress.lastCommitted,
				(progress.lastNanos - progress.firstNanos) / 1e9, complete, progress.halfCommitted,
				(progress.halfNanos != 0) ? (progress.lastNanos - progress.halfNanos) / 1e9 : 0);
	}

	/**
	 * The offsets a group has committed, summed over its partitions.
	 * @param admin an admin client
	 * @param group the group
	 * @return the sum, 0 before its first commit
	 */
	static long committed(Admin admin, String group) {
		Map<TopicPartition, OffsetAndMetadata> offsets = get(
				admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
		return offsets.values().stream().mapToLong((offset) -> (offset != null) ? offset.offset() : 0).sum();
	}

	private boolean observe() {
		long committed = committed(this.admin, this.group);
		long now = System.nanoTime();
		if (committed > 0 && this.firstNanos == 0) {
			this.firstNanos = now;
			this.firstCommitted = committed;
		}
		if (this.firstNanos != 0) {
			this.lastNanos = now;
			this.lastCommitted = committed;
			if (this.halfNanos == 0 && committed > this.firstCommitted
					&& committed - this.firstCommitted >= (this.total - this.firstCommitted) / 2) {
				this.halfNanos = now;
				this.halfCommitted = committed;
			}
		}
		return committed >= this.total;
	}

	private static long total(Admin admin, String topic) {
		List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
			.partitions()
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		return get(admin
			.listOffsets(partitions.stream()
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest())))
			.all()).values().stream().mapToLong((info) -> info.offset()).sum();
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a group drained while the clock ran.
	 *
	 * @param committedAtStart what it had committed when the first commit was seen
	 * @param committedAtEnd what it had committed when the clock stopped
	 * @param seconds between the two
	 * @param complete whether it committed everything before the bound
	 * @param committedAtHalf what it had committed when half of the backlog left at the
	 * first commit was done (0 if that was never seen)
	 * @param secondHalfSeconds from then until the clock stopped (0 if not seen, or seen
	 * only at the last look)
	 */
	record Drain(long committedAtStart, long committedAtEnd, double seconds, boolean complete, long committedAtHalf,
			double secondHalfSeconds) {

		long records() {
			return this.committedAtEnd - this.committedAtStart;
		}

		double perSecond() {
			return records() / this.seconds;
		}

		/**
		 * Whether the second half was timed: its start and its end were seen apart.
		 * @return {@code true} if {@link #secondHalfPerSecond()} means something
		 */
		boolean secondHalfTimed() {
			return this.secondHalfSeconds > 0 && secondHalfRecords() > 0;
		}

		long secondHalfRecords() {
			return this.committedAtEnd - this.committedAtHalf;
		}

		double secondHalfPerSecond() {
			return secondHalfRecords() / this.secondHalfSeconds;
		}

	}

}
