package io.eventsuite.benchmarks.tuning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the tuning matrix, so that its harness cannot rot: a real broker, one
 * producer JVM per payload and acks, four cells (order-service's profile among them, and
 * acks=0), half a second each unthrottled and 1,000 records each at the fixed rate.
 */
class TuningBenchmarkIntegrationTests {

	private static final Path OUT = Path.of("target", "smoke-results");

	@Test
	void measuresEveryCellInBothModesAndWritesTablesCsvAndCharts() throws IOException {
		Report report = TuningBenchmark.run(Options
			.of(Map.of("payloads", "order,activity", "rows", "16k:5", "compressions", "none", "acks", "0,all", "rate",
					"2000", "seconds", "0.5", "warmup", "0", "jvm-warmup", "0", "out", OUT.toString())));

		assertThat(report.measurements()).hasSize(2 * 2 * 2);
		assertThat(report.measurements()).extracting(Measurement::series)
			.containsOnly("order, max throughput", "order, 2,000/s", "activity, max throughput", "activity, 2,000/s");
		for (Measurement measurement : report.measurements()) {
			String name = measurement.series() + " " + measurement.variant();
			assertThat(measurement.errors()).as(name).isZero();
			assertThat(measurement.perSecond()).as(name).isPositive();
			assertThat(measurement.latency().max()).as(name).isGreaterThanOrEqualTo(measurement.latency().p50());
			if (measurement.series().endsWith("2,000/s")) {
				assertThat(measurement.count()).as(name).isEqualTo(1_000);
			}
		}

		Report.Written written = report.write(OUT);
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + 8);
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
		assertThat(Files.readString(OUT.resolve("tuning-matrix.md"))).contains("### order, max throughput, records/s")
			.contains("### activity, 2,000/s, p99 ms")
			.contains("| b16k l5 | ")
			.contains("**")
			.contains(TuningMatrix.NO_BROKER_ANSWER + " |");
		assertThat(Files.readAllBytes(OUT.resolve("tuning-matrix.png"))).startsWith(0x89, 'P', 'N', 'G');
	}

}
