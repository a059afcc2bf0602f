package io.eventsuite.benchmarks.http;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Role;

/**
 * What one load run measured.
 *
 * @param ok requests answered {@code 2xx}
 * @param errors requests answered otherwise, or not at all
 * @param seconds from the first intended send to the last answer
 * @param latency per request: open-loop from its intended send time, closed-loop from its
 * actual send time
 */
public record LoadResult(long ok, long errors, double seconds, Latency latency) {

	public double perSecond() {
		return this.ok / this.seconds;
	}

	public Measurement as(String series, String variant, Role role, int round) {
		return new Measurement(series, variant, role, round, this.ok, this.errors, this.seconds, perSecond(),
				this.latency);
	}

}
