package io.eventsuite.benchmarks.harness;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds.
 *
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest
 */
public record Latency(double p50, double p99, double p999, double max) {

	/** For a measurement that reports no latency. */
	public static final Latency NONE = new Latency(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	/**
	 * Reads the percentiles of a histogram of microseconds.
	 * @param micros recorded latencies in microseconds
	 * @return the percentiles in milliseconds
	 */
	public static Latency ofMicros(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new Latency(millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(99)),
				millis(micros.getValueAtPercentile(99.9)), millis(micros.getMaxValue()));
	}

	/**
	 * The median of each percentile over several runs.
	 * @param latencies one per run
	 * @return the medians
	 */
	public static Latency median(List<Latency> latencies) {
		return new Latency(median(latencies, Latency::p50), median(latencies, Latency::p99),
				median(latencies, Latency::p999), median(latencies, Latency::max));
	}

	private static double median(List<Latency> latencies, ToDoubleFunction<Latency> percentile) {
		return Stats.median(latencies.stream().mapToDouble(percentile).toArray());
	}

	private static double millis(long micros) {
		return micros / (double) TimeUnit.MILLISECONDS.toMicros(1);
	}

}
