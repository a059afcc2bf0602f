package io.eventsuite.benchmarks.drain;

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
 * A smoke run of the drain benchmark, so that its harness cannot rot: a real broker, a
 * backlog of a few thousand order events, Kafka's ConsumerPerformance and
 * notification-service's jar each draining it once. The run itself fails if the
 * notifications produced differ from the events notification-service committed.
 */
class DrainBenchmarkIntegrationTests {

	private static final int RECORDS = 5_000;

	@Test
	void drainsTheBacklogWithBothAndWritesTableCsvAndChart() throws IOException {
		Report report = DrainBenchmark
			.run(Options.of(Map.of("records", String.valueOf(RECORDS), "rounds", "1", "max-seconds", "10")));

		// The second half is timed only when its start and end fall on different looks
		// at the group's offsets (every 100 ms), which a backlog this small may not give.
		List<Measurement> measurements = report.measurements();
		assertThat(measurements).extracting(Measurement::variant)
			.startsWith(DrainBenchmark.REFERENCE, DrainBenchmark.CONTENDER)
			.hasSizeBetween(2, 3);
		Measurement reference = measurements.get(0);
		assertThat(reference.count()).isEqualTo(RECORDS);
		assertThat(reference.perSecond()).isPositive();
		assertThat(reference.cpuMillisPerEvent()).containsOnlyKeys("broker", CpuMeter.CONSUMER)
			.hasEntrySatisfying(CpuMeter.CONSUMER, (millis) -> assertThat(millis).isPositive());
		Measurement contender = measurements.get(1);
		assertThat(contender.count()).isPositive().isLessThanOrEqualTo(RECORDS);
		assertThat(contender.perSecond()).isPositive().isFinite();
		assertThat(contender.cpuMillisPerEvent()).containsOnlyKeys("notification-service", "broker", "harness")
			.hasEntrySatisfying("notification-service", (millis) -> assertThat(millis).isPositive());
		// The listener's thread, as the kernel names it (15 characters), did the work.
		assertThat(contender.cpu().threadSeconds()).containsOnlyKeys("notification-service", "broker", "harness");
		assertThat(contender.cpu().threadSeconds().get("notification-service")).hasEntrySatisfying("order-notificat",
				(seconds) -> assertThat(seconds).isPositive());
		measurements.stream().skip(2).forEach((secondHalf) -> {
			assertThat(secondHalf.variant()).isEqualTo(DrainBenchmark.SECOND_HALF);
			assertThat(secondHalf.count()).isPositive().isLessThan(contender.count());
			assertThat(secondHalf.seconds()).isPositive().isLessThan(contender.seconds());
		});
		assertThat(measurements).extracting(Measurement::errors).containsOnly(0L);

		Report.Written written = report.write(Path.of("target", "smoke-results"));
		assertThat(Files.readString(written.table())).contains(DrainBenchmark.CONTENDER)
			.contains("of ConsumerPerformance's")
			.contains(report.verdicts().get(0).text());
		assertThat(Files.readAllLines(written.csv())).hasSize(1 + measurements.size());
		assertThat(Files.readAllLines(written.threadsCsv().orElseThrow()))
			.anyMatch((line) -> line.contains("\"notification-service\",\"order-notificat\","));
		assertThat(Files.readAllBytes(written.chart())).startsWith(0x89, 'P', 'N', 'G');
	}

}
