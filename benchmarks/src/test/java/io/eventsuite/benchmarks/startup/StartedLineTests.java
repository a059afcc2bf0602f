package io.eventsuite.benchmarks.startup;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartedLineTests {

	@Test
	void readsTheProcessUptimeFromSpringBootsStartedLine() {
		List<String> log = List.of(
				"2026-01-01T10:00:00.000Z  INFO 1 --- [activity-tracker] [main] "
						+ "i.e.a.ActivityTrackerApplication : Starting ActivityTrackerApplication",
				"2026-01-01T10:00:03.000Z  INFO 1 --- [activity-tracker] [main] i.e.a.ActivityTrackerApplication "
						+ ": Started ActivityTrackerApplication in 2.871 seconds (process running for 3.402)");

		assertThat(StartedLine.processRunningFor(log)).hasValue(3.402);
	}

	@Test
	void isEmptyUntilTheContextHasStarted() {
		assertThat(StartedLine.processRunningFor(List.of("Starting ActivityTrackerApplication"))).isEmpty();
	}

}
