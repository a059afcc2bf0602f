package io.eventsuite.benchmarks.http;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Role;

/**
 * What one load run measured.
 *
 * @param ok requests answered {@code 2xx}
 * @param errorKinds requests answered otherwise, or not at all, by kind
 * ({@code HTTP 503}, {@code HttpTimeoutException})
 * @param seconds from the first intended send to the last answer
 * @param latency per request: open-loop from its intended send time, closed-loop from its
 * actual send time
 */
public record LoadResult(long ok, Map<String, Long> errorKinds, double seconds, Latency latency) {

	public LoadResult {
		errorKinds = Collections.unmodifiableSortedMap(new TreeMap<>(errorKinds));
	}

	/** Requests answered otherwise than {@code 2xx}, or not at all. */
	public long errors() {
		return this.errorKinds.values().stream().mapToLong(Long::longValue).sum();
	}

	public double perSecond() {
		return this.ok / this.seconds;
	}

	public Measurement as(String series, String variant, Role role, int round) {
		return new Measurement(series, variant, role, round, this.ok, errors(), this.seconds, perSecond(),
				this.latency);
	}

}
