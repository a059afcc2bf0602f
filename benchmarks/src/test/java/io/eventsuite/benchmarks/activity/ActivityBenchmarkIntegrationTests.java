package io.eventsuite.benchmarks.activity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the activity benchmark, so that its harness cannot rot:
 * activity-tracker's jar (with and without its analytics) and {@code ProducerPerformance}
 * on a real broker, a second of batches and 5,000 records each.
 */
class ActivityBenchmarkIntegrationTests {

	@Test
	void measuresReferenceContenderAndDiagnosticAndWritesTableCsvAndChart() throws IOException {
		Report report = ActivityBenchmark.run(Options.of(Map.of("seconds", "1", "warmup", "1", "rounds", "1", "batch",
				"20", "concurrency", "2", "records", "5000", "warmup-records", "0")));

		assertThat(report.measurements()).extracting(Measurement::variant)
			.containsExactly(ActivityBenchmark.REFERENCE, ActivityBenchmark.CONTENDER, ActivityBenchmark.ANALYTICS_RATE,
					ActivityBenchmark.WITHOUT_ANALYTICS);
		for (Measurement measurement : report.measurements()) {
			assertThat(measurement.errors()).as(measurement.variant()).isZero();
			assertThat(measurement.count()).as(measurement.variant()).isPositive();
			assertThat(measurement.perSecond()).as(measurement.variant()).isPositive().isFinite();
		}
		assertThat(report.measurements()).filteredOn((m) -> !m.variant().equals(ActivityBenchmark.ANALYTICS_RATE))
			.allSatisfy((m) -> assertThat(m.latency().p99()).as(m.variant()).isPositive());
		Measurement contender = report.measurements().get(1);
		Measurement analytics = report.measurements().get(2);
		assertThat(analytics.count()).as("the analytics fold the contender's events").isEqualTo(contender.count());
		assertThat(analytics.seconds()).as("and are done no sooner than it")
			.isGreaterThanOrEqualTo(contender.seconds());
		assertThat(report.measurements()).filteredOn((m) -> m.variant().startsWith("POST"))
			.allSatisfy((m) -> assertThat(m.count() % 20).isZero());
		assertThat(ActivityBenchmark.TARGET.ratio(report)).isPositive().isFinite();
		// The reference's JVM, followed to its exit, with the broker's.
		assertThat(report.measurements().get(0).cpuMillisPerEvent()).as("the reference's")
			.containsOnlyKeys("broker", CpuMeter.PRODUCER)
			.hasEntrySatisfying(CpuMeter.PRODUCER, (millis) -> assertThat(millis).isPositive());
		// Each service run with its CPU: the tracker's, the broker's and the harness's.
		assertThat(List.of(contender, report.measurements().get(3)))
			.allSatisfy((m) -> assertThat(m.cpuMillisPerEvent()).as(m.variant())
				.containsOnlyKeys("activity-tracker", "broker", "harness")
				.hasEntrySatisfying("activity-tracker", (millis) -> assertThat(millis).isPositive()));

		Report.Written written = report.write(Path.of("target", "smoke-results"));
		assertThat(Files.readString(written.table())).contains(report.verdicts().get(0).text());
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + 4);
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
	}

}
