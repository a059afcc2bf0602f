package io.eventsuite.benchmarks.startup;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's own account of a start, from the line it logs once the context has
 * started, such as {@code Started OrderServiceApplication in 3.12 seconds (process
 * running for 3.64)}: the JVM's uptime at that moment, a cross-check of the harness's
 * clock. Readiness comes after it (the application-ready event, the Kafka checks and,
 * where there is one, the Kafka Streams application reaching RUNNING).
 */
final class StartedLine {

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");

	private StartedLine() {
	}

	/**
	 * The process's uptime when Spring Boot logged that it had started.
	 * @param log the service's log lines
	 * @return seconds, empty if the line is not there (yet)
	 */
	static OptionalDouble processRunningFor(List<String> log) {
		for (String line : log) {
			Matcher matcher = STARTED.matcher(line);
			if (matcher.find()) {
				return OptionalDouble.of(Double.parseDouble(matcher.group(1)));
			}
		}
		return OptionalDouble.empty();
	}

}
