package io.eventsuite.benchmarks.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.eventsuite.benchmarks.harness.Latency;

/**
 * The answers of one load run, counted on the client's thread: {@code 2xx}, and every
 * other outcome by its kind ({@code HTTP 503}, {@code HttpTimeoutException}), so that a
 * run with errors says which.
 */
final class Outcomes {

	private final LongAdder ok = new LongAdder();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	void count(HttpAnswer answer, Throwable failure) {
		if (failure == null && answer.status() / 100 == 2) {
			this.ok.increment();
		}
		else {
			this.errors.computeIfAbsent(kind(answer, failure), (kind) -> new LongAdder()).increment();
		}
	}

	LoadResult result(double seconds, Latency latency) {
		Map<String, Long> errorKinds = new HashMap<>();
		this.errors.forEach((kind, count) -> errorKinds.put(kind, count.sum()));
		return new LoadResult(this.ok.sum(), errorKinds, seconds, latency);
	}

	private static String kind(HttpAnswer answer, Throwable failure) {
		if (failure == null) {
			return "HTTP " + answer.status();
		}
		return failure.getClass().getSimpleName();
	}

}
