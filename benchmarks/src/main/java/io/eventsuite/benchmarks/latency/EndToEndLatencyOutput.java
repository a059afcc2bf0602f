package io.eventsuite.benchmarks.latency;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eventsuite.benchmarks.harness.Latency;

/**
 * Reads what Kafka's {@code EndToEndLatency} prints: the latency of every 1,000th record
 * ({@code 0\t415.2}, in ms), then {@code Avg latency: 7.8172 ms} and
 * {@code Percentiles: 50th = 5, 99th = 39, 99.9th = 185} (whole milliseconds). The tool
 * prints no maximum: the largest latency it printed (the first record's, which pays for
 * the first metadata fetch) or the 99.9th percentile, whichever is larger, stands in for
 * it, a lower bound.
 *
 * @param averageMs the mean round trip
 * @param latency its percentiles
 */
record EndToEndLatencyOutput(double averageMs, Latency latency) {

	private static final Pattern SAMPLE = Pattern.compile("^\\d+\\t([\\d.]+)$");

	private static final Pattern AVERAGE = Pattern.compile("^Avg latency: ([\\d.]+) ms$");

	private static final Pattern PERCENTILES = Pattern
		.compile("^Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)$");

	/**
	 * Finds the summary among the tool's output lines.
	 * @param lines everything the tool printed
	 * @return the summary
	 * @throws IllegalArgumentException if it is not there
	 */
	static EndToEndLatencyOutput parse(List<String> lines) {
		double average = Double.NaN;
		double largestSample = 0;
		Matcher percentiles = null;
		for (String line : lines) {
			String trimmed = line.strip();
			Matcher sample = SAMPLE.matcher(trimmed);
			Matcher avg = AVERAGE.matcher(trimmed);
			Matcher pct = PERCENTILES.matcher(trimmed);
			if (sample.matches()) {
				largestSample = Math.max(largestSample, Double.parseDouble(sample.group(1)));
			}
			else if (avg.matches()) {
				average = Double.parseDouble(avg.group(1));
			}
			else if (pct.matches()) {
				percentiles = pct;
			}
		}
		if (percentiles == null || Double.isNaN(average)) {
			throw new IllegalArgumentException("No EndToEndLatency summary in its output");
		}
		double p999 = Double.parseDouble(percentiles.group(3));
		return new EndToEndLatencyOutput(average, new Latency(Double.parseDouble(percentiles.group(1)),
				Double.parseDouble(percentiles.group(2)), p999, Math.max(largestSample, p999)));
	}

	/**
	 * Records per second one at a time: each waits for the one before it.
	 * @return {@code 1000 / averageMs}
	 */
	double perSecond() {
		return 1000 / this.averageMs;
	}

}
