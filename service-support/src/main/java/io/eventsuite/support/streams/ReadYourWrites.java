package io.eventsuite.support.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Read-your-writes for a view of a topic: before a read of partition {@code p}, wait
 * until the Streams application has committed every record that partition of its input
 * held when the read began. A client that got its {@code 202} (the event is in the topic)
 * and then reads therefore sees its own write, or gets a {@code 503} if the view is more
 * than the timeout behind: never a stale {@code 404}.
 * <p>
 * Both offsets come from the broker: the end offset of the input partition and the
 * application's committed offset for it: two requests per read, then one every 10 ms
 * while the view is behind, all within one deadline. (Kafka Streams' own task metadata is
 * refreshed only on rebalances, so it cannot say what was committed a moment ago.) It
 * relies on {@code acks=all}: with {@code acks=1} a {@code 202} may come before the
 * record is below the high watermark, so the end offset may not cover it yet. Committed,
 * not merely processed, because with exactly-once a processed record whose transaction
 * aborts is processed again; records the application skipped (dead-lettered) count as
 * committed too, so they never hold a read up.
 */
class ReadYourWrites implements AutoCloseable {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final Supplier<Admin> adminFactory;

	private final String applicationId;

	private final Duration timeout;

	private Admin admin;

	/**
	 * Creates the waiter.
	 * @param adminFactory creates the admin client on the first read, so that an
	 * application nobody reads from holds no connection
	 * @param applicationId the Kafka Streams application, whose committed offsets count
	 * @param timeout the longest one read waits
	 */
	ReadYourWrites(Supplier<Admin> adminFactory, String applicationId, Duration timeout) {
		this.adminFactory = adminFactory;
		this.applicationId = applicationId;
		this.timeout = timeout;
	}

	/**
	 * Waits until the application has committed the partition up to its current end.
	 * @param topic the input topic
	 * @param partition the partition the key is on
	 * @throws StateUnavailableException when it is still behind after the timeout
	 */
	void await(String topic, int partition) {
		TopicPartition input = new TopicPartition(topic, partition);
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			long end = admin()
				.listOffsets(Map.of(input, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.partitionResult(input)
				.get(remaining(deadline), TimeUnit.NANOSECONDS)
				.offset();
			long committed = committed(input, deadline);
			while (committed < end) {
				if (System.nanoTime() > deadline) {
					throw new StateUnavailableException("The view of " + input + " is " + (end - committed)
							+ " records behind its input after " + this.timeout.toMillis() + " ms");
				}
				LockSupport.parkNanos(POLL_NANOS);
				committed = committed(input, deadline);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StateUnavailableException("Interrupted while waiting for the view of " + input, ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			throw new StateUnavailableException("Cannot tell how far the view of " + input + " is", ex);
		}
	}

	private long committed(TopicPartition input, long deadline)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin()
			.listConsumerGroupOffsets(
					Map.of(this.applicationId, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(input))))
			.partitionsToOffsetAndMetadata(this.applicationId)
			.get(remaining(deadline), TimeUnit.NANOSECONDS);
		OffsetAndMetadata committed = offsets.get(input);
		return (committed != null) ? committed.offset() : 0;
	}

	// Every broker request shares the one deadline, so the whole wait is bounded by the
	// timeout, not each request.
	private static long remaining(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = this.adminFactory.get();
		}
		return this.admin;
	}

	/**
	 * Closes the admin client; the next read creates a new one.
	 */
	@Override
	public synchronized void close() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
			this.admin = null;
		}
	}

}
