package io.eventsuite.benchmarks.drain;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the summary Kafka's {@code ConsumerPerformance} prints: a header line
 * ({@code start.time, end.time, data.consumed.in.MB, …, fetch.nMsg.sec}) and a line of
 * values. The fetch figures leave out the time the consumer took to join its group.
 *
 * @param records records consumed
 * @param fetchSeconds time spent fetching, after joining the group
 * @param fetchPerSecond records per second while fetching
 * @param rebalanceSeconds time to join the group
 */
record ConsumerPerformanceOutput(long records, double fetchSeconds, double fetchPerSecond, double rebalanceSeconds) {

	private static final String HEADER_START = "start.time, end.time";

	/**
	 * Finds the summary among the tool's output lines.
	 * @param lines everything the tool printed
	 * @return the summary
	 * @throws IllegalArgumentException if it is not there
	 */
	static ConsumerPerformanceOutput parse(List<String> lines) {
		for (int i = 0; i + 1 < lines.size(); i++) {
			if (lines.get(i).startsWith(HEADER_START)) {
				List<String> names = Arrays.stream(lines.get(i).split(",")).map(String::strip).toList();
				List<String> values = Arrays.stream(lines.get(i + 1).split(",")).map(String::strip).toList();
				if (values.size() != names.size()) {
					break;
				}
				return new ConsumerPerformanceOutput(Long.parseLong(values.get(names.indexOf("data.consumed.in.nMsg"))),
						Double.parseDouble(values.get(names.indexOf("fetch.time.ms"))) / 1000,
						Double.parseDouble(values.get(names.indexOf("fetch.nMsg.sec"))),
						Double.parseDouble(values.get(names.indexOf("rebalance.time.ms"))) / 1000);
			}
		}
		throw new IllegalArgumentException("No ConsumerPerformance summary in its output");
	}

}
