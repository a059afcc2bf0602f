package io.eventsuite.benchmarks.http;

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
 * A smoke run of the HTTP benchmark, so that its harness cannot rot: order-service's jar
 * with the no-op endpoint on a real broker, a second of load per endpoint and mode.
 */
class HttpBenchmarkIntegrationTests {

	@Test
	void measuresBothEndpointsClosedAndOpenLoopAndWritesTableCsvAndChart() throws IOException {
		Report report = HttpBenchmark
			.run(Options.of(Map.of("seconds", "1", "warmup", "1", "rounds", "1", "concurrency", "4", "rate", "50")));

		assertThat(report.measurements()).hasSize(4)
			.extracting(Measurement::series)
			.containsExactly("closed-loop, 4 in flight", "closed-loop, 4 in flight", "open-loop, 50/s",
					"open-loop, 50/s");
		for (Measurement measurement : report.measurements()) {
			assertThat(measurement.errors()).as(measurement.series() + " " + measurement.variant()).isZero();
			assertThat(measurement.count()).as(measurement.series() + " " + measurement.variant()).isPositive();
			assertThat(measurement.latency().p99()).as(measurement.series() + " " + measurement.variant()).isPositive();
			assertThat(measurement.cpuMillisPerEvent()).as(measurement.series() + " " + measurement.variant())
				.containsOnlyKeys("order-service", "broker", "harness")
				.hasEntrySatisfying("order-service", (millis) -> assertThat(millis).isPositive());
		}
		assertThat(report.measurements()).filteredOn((m) -> m.series().startsWith("open-loop"))
			.extracting(Measurement::count)
			.containsOnly(50L);
		assertThat(report.summary("closed-loop, 4 in flight", HttpBenchmark.CONTENDER).role())
			.isEqualTo(Role.CONTENDER);
		assertThat(HttpBenchmark.TARGET.apply("closed-loop, 4 in flight").ratio(report)).isPositive().isFinite();

		Report.Written written = report.write(Path.of("target", "smoke-results"));
		assertThat(Files.readString(written.table())).contains(report.verdicts().get(0).text());
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + 4);
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void withoutTheViewsAndWithExtraArgumentsTheServiceStillStartsAndIsMeasured() {
		Report report = HttpBenchmark.run(Options
			.of(Map.of("seconds", "1", "warmup", "1", "rounds", "1", "concurrency", "4", "rate", "50", "views", "false",
					"service-args", "--spring.kafka.producer.properties.linger.ms=1,--eventsuite.publish.timeout=9s")));

		assertThat(report.measurements()).hasSize(4).allSatisfy((measurement) -> {
			assertThat(measurement.errors()).as(measurement.series() + " " + measurement.variant()).isZero();
			assertThat(measurement.count()).as(measurement.series() + " " + measurement.variant()).isPositive();
		});
		assertThat(report.table()).contains("views do NOT run")
			.contains("--spring.kafka.producer.properties.linger.ms=1,--eventsuite.publish.timeout=9s");
	}

}
