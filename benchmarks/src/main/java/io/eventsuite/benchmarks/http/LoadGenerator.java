package io.eventsuite.benchmarks.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.Latency;

/**
 * HTTP load with the JDK's client, in two modes.
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
 */
public final class LoadGenerator implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);

	private static final Duration DRAIN = Duration.ofSeconds(60);

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(this.executor)
		.build();

	/**
	 * Sends at a fixed rate.
	 * @param requests what to send, in turn, again and again
	 * @param perSecond the rate
	 * @param duration how long to keep the schedule
	 * @param maxInFlight at most this many requests at once; a request due while all are
	 * busy waits, and its wait counts in its latency
	 * @return what was measured
	 */
	public LoadResult openLoop(List<HttpRequest> requests, double perSecond, Duration duration, int maxInFlight) {
		return openLoop(requests, perSecond, duration, maxInFlight, HttpResponse.BodyHandlers.discarding(),
				(intended, response) -> {
				});
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
	 * ({@link System#nanoTime()}) and its answer, on the client's threads
	 * @return what was measured
	 */
	public LoadResult openLoop(List<HttpRequest> requests, double perSecond, Duration duration, int maxInFlight,
			Answers answers) {
		return openLoop(requests, perSecond, duration, maxInFlight, HttpResponse.BodyHandlers.ofString(),
				answers::answered);
	}

	private <T> LoadResult openLoop(List<HttpRequest> requests, double perSecond, Duration duration, int maxInFlight,
			HttpResponse.BodyHandler<T> bodies, BiConsumer<Long, HttpResponse<T>> answers) {
		Recorder latencies = new Recorder(3);
		Outcomes outcomes = new Outcomes();
		Semaphore inFlight = new Semaphore(maxInFlight);
		long interval = Math.round(TimeUnit.SECONDS.toNanos(1) / perSecond);
		long total = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
		long start = System.nanoTime();
		AtomicLong lastAnswer = new AtomicLong(start);
		for (long i = 0; i < total; i++) {
			long intended = start + i * interval;
			parkUntil(intended);
			acquire(inFlight, 1);
			HttpRequest request = requests.get((int) (i % requests.size()));
			this.client.sendAsync(request, bodies).whenComplete((response, failure) -> {
				long now = System.nanoTime();
				latencies.recordValue((now - intended) / 1000);
				outcomes.count(response, failure);
				if (failure == null) {
					answers.accept(intended, response);
				}
				lastAnswer.accumulateAndGet(now, Math::max);
				inFlight.release();
			});
		}
		acquire(inFlight, maxInFlight);
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
	public LoadResult closedLoop(List<HttpRequest> requests, int concurrency, Duration duration) {
		Recorder latencies = new Recorder(3);
		AtomicLong sequence = new AtomicLong();
		Outcomes outcomes = new Outcomes();
		CountDownLatch finished = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		for (int connection = 0; connection < concurrency; connection++) {
			sendNext(() -> requests.get((int) (sequence.getAndIncrement() % requests.size())), deadline, latencies,
					outcomes, finished);
		}
		try {
			if (!finished.await(duration.plus(DRAIN).toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Requests still unanswered " + DRAIN + " after the run");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return reported(
				outcomes.result((System.nanoTime() - start) / 1e9, Latency.ofMicros(latencies.getIntervalHistogram())));
	}

	private void sendNext(Supplier<HttpRequest> requests, long deadline, Recorder latencies, Outcomes outcomes,
			CountDownLatch finished) {
		long sent = System.nanoTime();
		if (sent >= deadline) {
			finished.countDown();
			return;
		}
		this.client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> {
				latencies.recordValue((System.nanoTime() - sent) / 1000);
				outcomes.count(response, failure);
				sendNext(requests, deadline, latencies, outcomes, finished);
			});
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

	private static void acquire(Semaphore semaphore, int permits) {
		try {
			if (!semaphore.tryAcquire(permits, DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Requests still unanswered after " + DRAIN);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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
		 * @param response the answer, with its body
		 */
		void answered(long intendedNanos, HttpResponse<String> response);

	}

	// The client's own selector thread ends with the client; its callbacks run here.
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
