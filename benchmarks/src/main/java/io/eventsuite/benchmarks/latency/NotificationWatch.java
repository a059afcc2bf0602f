package io.eventsuite.benchmarks.latency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventDeserializer;
import io.eventsuite.test.ServiceClient;

import static org.awaitility.Awaitility.await;

/**
 * Where an order's end-to-end latency ends: a {@code read_committed} reader of the
 * {@code notifications} topic in the harness JVM, as any downstream reader sees it. It
 * joins each order accepted by order-service (its id from the {@code 202} body) with the
 * notification notification-service made of it (whose text names the order id), and times
 * two moments of each order from its request's intended send time:
 * <ul>
 * <li><b>committed</b>: when this reader received the notification, which is only once
 * notification-service's transaction committed (the same clock as the load generator's,
 * {@link System#nanoTime()});
 * <li><b>handled</b>: the notification's {@code sentAt}, the instant
 * notification-service's listener built it, before its transaction commits (the machine's
 * wall clock, shared by both processes).
 * </ul>
 * A notification may arrive before its order's {@code 202}: both sides are kept until the
 * round is judged.
 */
final class NotificationWatch implements AutoCloseable {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final KafkaConsumer<String, CloudEvent<DomainEvent>> consumer;

	private final Thread poller;

	private final CountDownLatch positioned = new CountDownLatch(1);

	private final Map<UUID, Long> accepted = new ConcurrentHashMap<>();

	private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();

	// The wall clock at one instant of System.nanoTime(), to place the intended send
	// times on the clock notification-service stamps sentAt with.
	private final long nanoAnchor = System.nanoTime();

	private final Instant wallAnchor = Instant.now();

	private NotificationWatch(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new CloudEventDeserializer());
		this.poller = new Thread(() -> poll(topic), "notification-watch");
		this.poller.setDaemon(true);
	}

	/**
	 * Starts reading a topic from its end, every partition, in no group.
	 * @param bootstrapServers the cluster
	 * @param topic the notifications topic, which must exist
	 * @return the watch, reading, to be closed
	 */
	static NotificationWatch start(String bootstrapServers, String topic) {
		NotificationWatch watch = new NotificationWatch(bootstrapServers, topic);
		watch.poller.start();
		try {
			if (!watch.positioned.await(60, TimeUnit.SECONDS)) {
				watch.close();
				throw new IllegalStateException("Could not position a reader on " + topic);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return watch;
	}

	/**
	 * Takes an order's {@code 202}: a listener for the load generator's open loop.
	 * @param intendedNanos the request's intended send time
	 * @param status order-service's answer's status
	 * @param body its body
	 */
	void accepted(long intendedNanos, int status, String body) {
		if (status == 202) {
			this.accepted.put(UUID.fromString(ServiceClient.json(body).get("orderId").asString()), intendedNanos);
		}
	}

	/**
	 * Waits until every accepted order's notification was read, or for at most a bound,
	 * then judges the round and forgets it.
	 * @param bound the longest wait for the last notifications
	 * @return the latencies of the round
	 */
	Round finish(Duration bound) {
		try {
			await("notifications of every accepted order").atMost(bound)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.seen.keySet().containsAll(this.accepted.keySet()));
		}
		catch (ConditionTimeoutException ex) {
			// Judged below: what is missing counts as an error, at a lower bound.
		}
		long now = System.nanoTime();
		Histogram committed = new Histogram(3);
		Histogram handled = new Histogram(3);
		long missing = 0;
		for (Map.Entry<UUID, Long> order : this.accepted.entrySet()) {
			long intended = order.getValue();
			Seen notification = this.seen.get(order.getKey());
			if (notification == null) {
				// Not there yet: at least this late. Leaving it out would flatter the
				// percentiles.
				committed.recordValue(micros(now - intended));
				missing++;
				continue;
			}
			committed.recordValue(micros(notification.nanos() - intended));
			Instant intendedWall = this.wallAnchor.plusNanos(intended - this.nanoAnchor);
			handled.recordValue(micros(Duration.between(intendedWall, notification.sentAt()).toNanos()));
		}
		Round round = new Round(this.accepted.size() - missing, missing, committed, handled);
		this.accepted.clear();
		this.seen.clear();
		return round;
	}

	/**
	 * The order id a notification's text names.
	 * @param body the notification's body, for example {@code Your order <uuid> of 1
	 * item(s) …}
	 * @return the first UUID in it
	 */
	static Optional<UUID> orderIdIn(String body) {
		Matcher matcher = UUID_PATTERN.matcher(body);
		return matcher.find() ? Optional.of(UUID.fromString(matcher.group())) : Optional.empty();
	}

	private void poll(String topic) {
		try {
			List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.consumer.seekToEnd(partitions);
			partitions.forEach(this.consumer::position);
			this.positioned.countDown();
			while (true) {
				ConsumerRecords<String, CloudEvent<DomainEvent>> records = this.consumer.poll(Duration.ofSeconds(1));
				// A poll's records became visible to this reader together.
				long now = System.nanoTime();
				for (ConsumerRecord<String, CloudEvent<DomainEvent>> record : records) {
					if (record.value().data() instanceof NotificationSent notification
							&& notification.kind() == NotificationKind.ORDER_PLACED) {
						orderIdIn(notification.body()).ifPresent(
								(orderId) -> this.seen.putIfAbsent(orderId, new Seen(now, notification.sentAt())));
					}
				}
			}
		}
		catch (WakeupException ex) {
			// Closed.
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	private static long micros(long nanos) {
		return Math.max(0, nanos / 1000);
	}

	@Override
	public void close() {
		this.consumer.wakeup();
		try {
			this.poller.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Seen(long nanos, Instant sentAt) {
	}

	/**
	 * The latencies of one round, in microseconds from each request's intended send time.
	 *
	 * @param matched accepted orders whose notification was read
	 * @param missing accepted orders whose notification was not read in time, counted in
	 * {@code committed} at the time the wait ended
	 * @param committed until the notification was visible to a {@code read_committed}
	 * reader
	 * @param handled until notification-service's listener built the notification
	 */
	record Round(long matched, long missing, Histogram committed, Histogram handled) {
	}

}
