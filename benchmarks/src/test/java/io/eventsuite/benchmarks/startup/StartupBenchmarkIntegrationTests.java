package io.eventsuite.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the start-up benchmark, so that its harness cannot rot: activity-tracker
 * started as its image starts it on a real broker, once, then two seconds of batches.
 */
class StartupBenchmarkIntegrationTests {

	@Test
	void measuresTimeToReadyAndPeakRssAndWritesTableCsvAndChart() throws IOException {
		Report report = StartupBenchmark.run(Options.of(Map.of("services", "activity-tracker", "rounds", "1",
				"warmup-rounds", "0", "load-seconds", "2", "batch", "20", "concurrency", "2")));

		Measurement ready = report.measurements()
			.stream()
			.filter((m) -> m.series().equals(StartupBenchmark.START_UP) && m.role() == Role.CONTENDER)
			.findFirst()
			.orElseThrow();
		assertThat(ready.seconds()).isPositive().isLessThan(120);
		// The whole start's CPU, from the JVM's birth: a Spring Boot start takes far more
		// than a tenth of a second of it.
		assertThat(ready.cpuMillisPerEvent()).containsOnlyKeys("activity-tracker")
			.hasEntrySatisfying("activity-tracker", (millis) -> assertThat(millis).isGreaterThan(100));
		Measurement spring = report.measurements()
			.stream()
			.filter((m) -> m.series().equals(StartupBenchmark.START_UP) && m.role() == Role.DIAGNOSTIC)
			.findFirst()
			.orElseThrow();
		assertThat(spring.seconds()).isPositive().isLessThanOrEqualTo(ready.seconds());
		Measurement loaded = report.measurements()
			.stream()
			.filter((m) -> m.series().equals(StartupBenchmark.UNDER_LOAD))
			.findFirst()
			.orElseThrow();
		assertThat(loaded.count()).isPositive();
		assertThat(loaded.errors()).isZero();
		assertThat(loaded.peakRssMb()).isGreaterThan(50).isLessThan(2048);
		assertThat(report.verdicts()).hasSize(2);

		Report.Written written = report.write(Path.of("target", "smoke-results"));
		assertThat(Files.readString(written.table())).contains(report.verdicts().get(1).text());
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + 3);
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
	}

}
