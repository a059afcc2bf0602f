package io.eventsuite.support.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

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
 * application's committed offset for it. Committed, not merely processed, because with
 * exactly-once a processed record whose transaction aborts is processed again; records
 * the application skipped (dead-lettered) count as committed too, so they never hold a
 * read up.
 */
public class ReadYourWrites implements AutoCloseable {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final Admin admin;

	private final String applicationId;

	private final Duration timeout;

	public ReadYourWrites(Admin admin, String applicationId, Duration timeout) {
		this.admin = admin;
		this.applicationId = applicationId;
		this.timeout = timeout;
	}

	/**
	 * Waits until the application has committed the partition up to its current end.
	 * @param topic the input topic
	 * @param partition the partition the key is on
	 * @throws StateUnavailableException when it is still behind after the timeout
	 */
	public void await(String topic, int partition) {
		TopicPartition input = new TopicPartition(topic, partition);
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			long end = this.admin
				.listOffsets(Map.of(input, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.partitionResult(input)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.offset();
			long committed = committed(input);
			while (committed < end) {
				if (System.nanoTime() > deadline) {
					throw new StateUnavailableException("The view of " + input + " is " + (end - committed)
							+ " records behind its input after " + this.timeout.toMillis() + " ms");
				}
				LockSupport.parkNanos(POLL_NANOS);
				committed = committed(input);
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

	private long committed(TopicPartition input) throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin
			.listConsumerGroupOffsets(
					Map.of(this.applicationId, new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(input))))
			.partitionsToOffsetAndMetadata(this.applicationId)
			.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		OffsetAndMetadata committed = offsets.get(input);
		return (committed != null) ? committed.offset() : 0;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
