package io.eventsuite.benchmarks.producer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.eventsuite.benchmarks.harness.Latency;

/**
 * Reads the last summary line {@code ProducerPerformance} prints (with
 * {@code --warmup-records}, the one of the steady state after the warm-up), such as
 * {@code 1000000 records sent, 181917.409496 records/sec (41.81 MB/sec), 95.12 ms avg
 * latency, 563.00 ms max latency, 81 ms 50th, 224 ms 95th, 356 ms 99th, 501 ms 99.9th.}
 *
 * @param records the records sent
 * @param perSecond records per second
 * @param latency its percentiles (whole milliseconds, as the tool reports them)
 */
public record ProducerPerformanceOutput(long records, double perSecond, Latency latency) {

	private static final Pattern SUMMARY = Pattern
		.compile("(\\d+)(?: steady state)? records sent, ([\\d.]+) records/sec "
				+ "\\([\\d.]+ MB/sec\\), [\\d.]+ ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, \\d+ ms 95th, "
				+ "(\\d+) ms 99th, (\\d+) ms 99\\.9th\\.");

	/**
	 * Finds the summary among the tool's output lines.
	 * @param lines everything the tool printed
	 * @return the summary
	 * @throws IllegalArgumentException if there is none
	 */
	public static ProducerPerformanceOutput parse(List<String> lines) {
		for (int i = lines.size() - 1; i >= 0; i--) {
			Matcher matcher = SUMMARY.matcher(lines.get(i));
			if (matcher.find()) {
				return new ProducerPerformanceOutput(Long.parseLong(matcher.group(1)),
						Double.parseDouble(matcher.group(2)),
						new Latency(Double.parseDouble(matcher.group(4)), Double.parseDouble(matcher.group(5)),
								Double.parseDouble(matcher.group(6)), Double.parseDouble(matcher.group(3))));
			}
		}
		throw new IllegalArgumentException("No ProducerPerformance summary in its output");
	}

}
