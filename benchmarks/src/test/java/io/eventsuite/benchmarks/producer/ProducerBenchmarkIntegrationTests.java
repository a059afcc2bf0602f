package io.eventsuite.benchmarks.producer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the producer benchmark, so that its harness cannot rot: a real broker,
 * Kafka's ProducerPerformance and both contenders as processes, a few thousand records
 * each.
 */
class ProducerBenchmarkIntegrationTests {

	private static final int RECORDS = 5_000;

	@Test
	void measuresEachSideOnARealBrokerAndWritesTableCsvAndChart() throws IOException {
		Report report = ProducerBenchmark.run(Options.of(Map.of("records", String.valueOf(RECORDS), "warmup-records",
				"0", "warmup-rounds", "0", "rounds", "1")));

		assertThat(report.measurements()).extracting(Measurement::variant)
			.containsExactly(ProducerBenchmark.REFERENCE, ProducerBenchmark.DIAGNOSTIC, ProducerBenchmark.CONTENDER,
					ProducerBenchmark.THREADED);
		// Two threads share the timed records: together they send all of them.
		for (Measurement measurement : report.measurements()) {
			assertThat(measurement.count()).as(measurement.variant()).isEqualTo(RECORDS);
			assertThat(measurement.errors()).as(measurement.variant()).isZero();
			assertThat(measurement.perSecond()).as(measurement.variant()).isPositive();
			assertThat(measurement.latency().max()).as(measurement.variant())
				.isGreaterThanOrEqualTo(measurement.latency().p50());
			// Each side's JVM, followed to its exit, and the broker.
			assertThat(measurement.cpuMillisPerEvent()).as(measurement.variant())
				.containsOnlyKeys("broker", CpuMeter.PRODUCER)
				.hasEntrySatisfying(CpuMeter.PRODUCER, (millis) -> assertThat(millis).isPositive());
			// The producer's network thread, closed before its JVM exits, keeps its name.
			assertThat(measurement.cpu().threadSeconds().get(CpuMeter.PRODUCER)).as(measurement.variant())
				.hasEntrySatisfying("kafka-producer-", (seconds) -> assertThat(seconds).isPositive());
		}
		assertThat(ProducerBenchmark.TARGET.ratio(report)).isPositive().isFinite();

		Report.Written written = report.write(Path.of("target", "smoke-results"));
		assertThat(Files.readString(written.table())).contains(ProducerBenchmark.REFERENCE)
			.contains(report.verdicts().get(0).text());
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + 4);
		assertThat(Files.readAllLines(written.threadsCsv().orElseThrow()))
			.anyMatch((line) -> line.contains("\"producer\",\"kafka-producer-\","));
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
	}

}
