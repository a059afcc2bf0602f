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
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
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
				count(response, failure, ok, errors);
				if (failure == null) {
					answers.accept(intended, response);
				}
				lastAnswer.accumulateAndGet(now, Math::max);
				inFlight.release();
			});
		}
		acquire(inFlight, maxInFlight);
		return new LoadResult(ok.get(), errors.get(), (lastAnswer.get() - start) / 1e9,
				Latency.ofMicros(latencies.getIntervalHistogram()));
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
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		CountDownLatch finished = new CountDownLatch(concurrency);
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		for (int connection = 0; connection < concurrency; connection++) {
			sendNext(() -> requests.get((int) (sequence.getAndIncrement() % requests.size())), deadline, latencies, ok,
					errors, finished);
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
		return new LoadResult(ok.get(), errors.get(), (System.nanoTime() - start) / 1e9,
				Latency.ofMicros(latencies.getIntervalHistogram()));
	}

	private void sendNext(Supplier<HttpRequest> requests, long deadline, Recorder latencies, AtomicLong ok,
			AtomicLong errors, CountDownLatch finished) {
		long sent = System.nanoTime();
		if (sent >= deadline) {
			finished.countDown();
			return;
		}
		this.client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> {
				latencies.recordValue((System.nanoTime() - sent) / 1000);
				count(response, failure, ok, errors);
				sendNext(requests, deadline, latencies, ok, errors, finished);
			});
	}

	private static void count(HttpResponse<?> response, Throwable failure, AtomicLong ok, AtomicLong errors) {
		if (failure == null && response.statusCode() / 100 == 2) {
			ok.incrementAndGet();
		}
		else {
			errors.incrementAndGet();
		}
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
