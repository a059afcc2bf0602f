package io.eventsuite.benchmarks.harness;

/**
 * One run of one variant.
 *
 * @param series what was measured, for example {@code closed-loop, 32 connections}
 * @param variant who was measured, for example {@code ProducerPerformance}
 * @param role reference, contender or diagnostic
 * @param round which repetition, from 1
 * @param count what completed successfully (records, requests)
 * @param errors what failed
 * @param seconds how long the run took
 * @param perSecond {@code count / seconds}
 * @param latency latency percentiles
 * @param peakRssMb the measured process's peak resident set size in MB, {@code NaN} if
 * not measured
 */
public record Measurement(String series, String variant, Role role, int round, long count, long errors, double seconds,
		double perSecond, Latency latency, double peakRssMb) {

	/**
	 * A run whose memory was not measured.
	 * @param series what was measured
	 * @param variant who was measured
	 * @param role its role
	 * @param round which repetition
	 * @param count what completed
	 * @param errors what failed
	 * @param seconds how long it took
	 * @param perSecond {@code count / seconds}
	 * @param latency latency percentiles
	 */
	public Measurement(String series, String variant, Role role, int round, long count, long errors, double seconds,
			double perSecond, Latency latency) {
		this(series, variant, role, round, count, errors, seconds, perSecond, latency, Double.NaN);
	}

}
