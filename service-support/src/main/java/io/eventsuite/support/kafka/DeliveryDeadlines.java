package io.eventsuite.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails a delivery the producer has not answered in time, its cause a
 * {@link TimeoutException}, as {@link CompletableFuture#orTimeout} would, at a fraction
 * of its cost. {@code orTimeout} arms a timer task for every send and cancels it when the
 * send completes; on Java 25 each of the two goes through the common pool's delay
 * scheduler and wakes its thread, which took 7% of a core in the drain benchmark (target
 * 5) at 27,000 events a second. Here a send costs one queue entry, and one thread looks
 * at the queues every {@link #SWEEP_INTERVAL}: a delivery fails at most that long after
 * its timeout.
 * <p>
 * One queue per timeout: deliveries enter it in the order they are sent, so their
 * deadlines come in that order too, and a sweep stops at the first delivery that is
 * neither answered nor due. Two threads sending at once may enter a few microseconds out
 * of order; the later of the two then fails one sweep later at worst.
 */
final class DeliveryDeadlines {

	static final Duration SWEEP_INTERVAL = Duration.ofMillis(50);

	private static final Logger log = LoggerFactory.getLogger(DeliveryDeadlines.class);

	/** One per timeout; a service has one or two. */
	private static final Map<Duration, DeliveryDeadlines> BY_TIMEOUT = new ConcurrentHashMap<>();

	/**
	 * The one sweeping thread, started when the first publisher loads this class: a
	 * daemon, so that it never keeps a JVM from exiting.
	 */
	private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "eventsuite-delivery-deadlines");
		thread.setDaemon(true);
		return thread;
	});

	static {
		long interval = SWEEP_INTERVAL.toNanos();
		SWEEPER.scheduleWithFixedDelay(DeliveryDeadlines::sweepAll, interval, interval, TimeUnit.NANOSECONDS);
	}

	private final Duration timeout;

	private final long timeoutNanos;

	private final Queue<Watched> queue = new ConcurrentLinkedQueue<>();

	private DeliveryDeadlines(Duration timeout) {
		this.timeout = timeout;
		this.timeoutNanos = timeout.toNanos();
	}

	/**
	 * The deadlines of every delivery with this timeout.
	 * @param timeout how long the producer has to answer
	 * @return shared by every caller with the same timeout
	 */
	static DeliveryDeadlines of(Duration timeout) {
		return BY_TIMEOUT.computeIfAbsent(timeout, DeliveryDeadlines::new);
	}

	/**
	 * Watches a delivery.
	 * @param delivery completes from the producer's callback
	 * @return the same delivery, failed with a {@link TimeoutException} as its cause if
	 * it is not done when the timeout has passed
	 */
	PendingDelivery watch(PendingDelivery delivery) {
		if (!delivery.isDone()) {
			this.queue.add(new Watched(delivery, System.nanoTime() + this.timeoutNanos));
		}
		return delivery;
	}

	/**
	 * How many deliveries are still watched: answered ones until the next sweep, the
	 * others until it finds them due.
	 * @return the entries in the queue
	 */
	int watched() {
		return this.queue.size();
	}

	/**
	 * A failing sweep must not end the schedule: later deliveries would then never time
	 * out.
	 */
	private static void sweepAll() {
		try {
			long now = System.nanoTime();
			BY_TIMEOUT.values().forEach((deadlines) -> deadlines.sweep(now));
		}
		catch (RuntimeException ex) {
			log.error("Sweeping the delivery deadlines failed", ex);
		}
	}

	private void sweep(long now) {
		for (Watched head = this.queue.peek(); head != null; head = this.queue.peek()) {
			if (!head.delivery().isDone()) {
				if (head.deadline() - now > 0) {
					return;
				}
				head.delivery().fail(new TimeoutException("No answer from the producer within " + this.timeout));
			}
			// The sweeper is the only thread that takes entries: this is the head.
			this.queue.poll();
		}
	}

	private record Watched(PendingDelivery delivery, long deadline) {
	}

}
