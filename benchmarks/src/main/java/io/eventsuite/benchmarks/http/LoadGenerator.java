package io.eventsuite.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.http.HttpWire.Completion;
import io.eventsuite.benchmarks.http.HttpWire.Exchange;

/**
 * HTTP load, in two modes, from the harness's own HTTP/1.1 client ({@link HttpWire}).
 * <p>
 * <b>Open-loop</b> sends at a fixed rate whatever the answers do, and times each request
 * from the moment the schedule says it should have been sent. A server that stalls does
 * not slow the schedule down, and a request the generator could only send late (all
 * connections busy) counts the wait: no coordinated omission, the latencies are what
 * clients arriving at that rate would see.
 * <p>
 * <b>Closed-loop</b> keeps a fixed number of requests in flight, each connection sending
 * its next request when the previous one is answered: as fast as the server goes, for
 * throughput. Its latencies are service times only.
 * <p>
 * Each run opens its own connections, to the one server its requests name, and closes
 * them when it ends.
 */
public final class LoadGenerator {

	private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

	private static final Duration DRAIN = Duration.ofSeconds(60);

	/**
	 * Sends at a fixed rate.
	 * @param requests what to send, in turn, again and again
	 * @param perSecond the rate
	 * @param duration how long to keep the schedule
	 * @param maxInFlight at most this many requests at once; a request due while all are
	 * busy waits, and its wait counts in its latency
	 * @return what was measured
	 */
	public LoadResult openLoop(List<LoadRequest> requests, double perSecond, Duration duration, int maxInFlight) {
		return openLoop(requests, perSecond, duration, maxInFlight, null);
	}

	/**
	 * Sends at a fixed rate, as {@link #openLoop(List, double, Duration, int)} does, and
	 * hands every answer with its intended send time to a listener: for measurements that
	 * end after the answer, such as the handling of the event an order placed.
	 * @param requests what to send, in turn, again and again
	 * @param perSecond the rate
	 * @param duration how long to keep the schedule
	 * @param maxInFlight at most this many requests at once
	 * @param answers called with each request's intended send time
	 * ({@link System#nanoTime()}) and its answer, on the client's thread; {@code null}
	 * for none
	 * @return what was measured
	 */
	public LoadResult openLoop(List<LoadRequest> requests, double perSecond, Duration duration, int maxInFlight,
			Answers answers) {
		Recorder latencies = new Recorder(3);
		Outcomes outcomes = new Outcomes();
		long interval = Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond);
		long total = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
		long start = System.nanoTime();
		AtomicLong lastAnswer = new AtomicLong(start);
		Completion timed = (exchange, answer, failure, now) -> {
			latencies.recordValue((now - exchange.dueNanos()) / 1000);
			outcomes.count(answer, failure);
			if (answer != null && answers != null) {
				answers.answered(exchange.dueNanos(), answer.status(), answer.body());
			}
			lastAnswer.set(now);
			return null;
		};
		try (HttpWire wire = wire(requests, maxInFlight, answers != null, timed)) {
			for (long i = 0; i < total; i++) {
				long intended = start + i * interval;
				parkUntil(intended);
				wire.submit(new Exchange(requests.get((int) (i % requests.size())), intended));
			}
			wire.awaitAllEnded(DRAIN);
		}
		return reported(
				outcomes.result((lastAnswer.get() - start) / 1e9, Latency.ofMicros(latencies.getIntervalHistogram())));
	}

	/**
	 * Keeps a number of requests in flight.
	 * @param requests what to send, in turn, again and again
	 * @param concurrency how many requests are in flight at once
	 * @param duration how long to start new requests
	 * @return what was measured
	 */
	public LoadResult closedLoop(List<LoadRequest> requests, int concurrency, Duration duration) {
		Recorder latencies = new Recorder(3);
		AtomicLong sequence = new AtomicLong();
		Outcomes outcomes = new Outcomes();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Completion nextOnTheSameConnection = (exchange, answer, failure, now) -> {
			latencies.recordValue((now - exchange.dueNanos()) / 1000);
			outcomes.count(answer, failure);
			return (now < deadline) ? next(requests, sequence) : null;
		};
		try (HttpWire wire = wire(requests, concurrency, false, nextOnTheSameConnection)) {
			for (int connection = 0; connection < concurrency; connection++) {
				wire.submit(next(requests, sequence));
			}
			wire.awaitAllEnded(duration.plus(DRAIN));
		}
		return reported(
				outcomes.result((System.nanoTime() - start) / 1e9, Latency.ofMicros(latencies.getIntervalHistogram())));
	}

	// Closed-loop: timed from when it is sent, which is now.
	private static Exchange next(List<LoadRequest> requests, AtomicLong sequence) {
		return new Exchange(requests.get((int) (sequence.getAndIncrement() % requests.size())), System.nanoTime());
	}

	private static HttpWire wire(List<LoadRequest> requests, int maxConnections, boolean keepBodies,
			Completion completion) {
		InetSocketAddress server = requests.get(0).address();
		if (requests.stream().anyMatch((request) -> !request.address().equals(server))) {
			throw new IllegalArgumentException("A run's requests go to one server, here " + server);
		}
		try {
			return new HttpWire(server, maxConnections, keepBodies, completion);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Every benchmark counts errors against its figures; this says what they were.
	private static LoadResult reported(LoadResult result) {
		if (result.errors() > 0) {
			log.warn("{} of {} requests failed: {}", result.errors(), result.errors() + result.ok(),
					result.errorKinds());
		}
		return result;
	}

	// The schedule, not a pause: parks until the intended send time of the next request.
	private static void parkUntil(long nanoTime) {
		long wait;
		while ((wait = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	/**
	 * Receives the answers of an open-loop run.
	 */
	@FunctionalInterface
	public interface Answers {

		/**
		 * One answer.
		 * @param intendedNanos when the schedule said the request should be sent
		 * ({@link System#nanoTime()})
		 * @param status the answer's status code
		 * @param body the answer's body
		 */
		void answered(long intendedNanos, int status, String body);

	}

}
