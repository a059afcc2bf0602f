package io.eventsuite.benchmarks.latency;

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
 * A smoke run of the end-to-end latency benchmark, so that its harness cannot rot: one
 * real broker, order-service's and notification-service's jars, Kafka's
 * ProducerPerformance and EndToEndLatency, two seconds of orders at 50/s.
 */
class LatencyBenchmarkIntegrationTests {

	private static final String SERIES = "1 broker, 50/s";

	@Test
	void timesOrdersToTheirNotificationsBesideKafkasToolsAndWritesTableCsvAndChart() throws IOException {
		Report report = LatencyBenchmark.run(Options.of(Map.of("brokers", "1", "rate", "50", "seconds", "2", "warmup",
				"1", "rounds", "1", "e2e-records", "100", "wait", "20")));

		assertThat(report.measurements()).extracting(Measurement::variant)
			.containsExactly(LatencyBenchmark.PRODUCER_PERFORMANCE, LatencyBenchmark.END_TO_END_LATENCY,
					LatencyBenchmark.CONTENDER, LatencyBenchmark.HANDLED, LatencyBenchmark.ACCEPTED);
		assertThat(report.measurements()).extracting(Measurement::series).containsOnly(SERIES);
		for (Measurement measurement : report.measurements()) {
			assertThat(measurement.count()).as(measurement.variant()).isPositive();
			assertThat(measurement.latency().p50()).as(measurement.variant()).isPositive();
			assertThat(measurement.latency().max()).as(measurement.variant())
				.isGreaterThanOrEqualTo(measurement.latency().p99());
		}
		assertThat(report.measurements()).filteredOn((m) -> m.role() == Role.REFERENCE)
			.extracting(Measurement::errors)
			.containsOnly(0L);
		// Every order sent is accounted for: notified, or counted as an error (on a busy
		// machine notification-service may not keep up even with 50/s).
		assertThat(report.measurements()).filteredOn((m) -> m.variant().startsWith("order"))
			.allSatisfy((m) -> assertThat(m.count() + m.errors()).as(m.variant()).isEqualTo(100));
		// A notification is committed after its listener built it.
		assertThat(report.summary(SERIES, LatencyBenchmark.CONTENDER).latency().p50())
			.isGreaterThanOrEqualTo(report.summary(SERIES, LatencyBenchmark.HANDLED).latency().p50());
		// The CPU of the orders' run, with the contender's row.
		assertThat(report.measurements()).filteredOn((m) -> m.cpu().measured())
			.singleElement()
			.satisfies((m) -> assertThat(m.variant()).isEqualTo(LatencyBenchmark.CONTENDER))
			.satisfies((m) -> assertThat(m.cpuMillisPerEvent())
				.containsOnlyKeys("order-service", "notification-service", "broker", "harness")
				.hasEntrySatisfying("order-service", (millis) -> assertThat(millis).isPositive())
				.hasEntrySatisfying("notification-service", (millis) -> assertThat(millis).isPositive()));
		assertThat(report.verdicts()).hasSize(2);

		Report.Written written = report.write(Path.of("target", "smoke-results"));
		assertThat(Files.readString(written.table())).contains(report.verdicts().get(1).text());
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + 5);
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
	}

}
