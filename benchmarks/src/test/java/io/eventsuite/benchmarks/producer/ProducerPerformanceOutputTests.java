package io.eventsuite.benchmarks.producer;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProducerPerformanceOutputTests {

	@Test
	void readsTheSummaryLineNotTheIntervalLines() {
		ProducerPerformanceOutput output = ProducerPerformanceOutput.parse(List.of(
				"872410 records sent, 174447.9 records/sec (40.10 MB/sec), 98.2 ms avg latency, 564.0 ms max latency.",
				"1000000 records sent, 181917.409496 records/sec (41.81 MB/sec), 95.12 ms avg latency, "
						+ "563.00 ms max latency, 81 ms 50th, 224 ms 95th, 356 ms 99th, 501 ms 99.9th."));

		assertThat(output.records()).isEqualTo(1_000_000);
		assertThat(output.perSecond()).isEqualTo(181917.409496);
		assertThat(output.latency().p50()).isEqualTo(81);
		assertThat(output.latency().p99()).isEqualTo(356);
		assertThat(output.latency().p999()).isEqualTo(501);
		assertThat(output.latency().max()).isEqualTo(563);
	}

	@Test
	void afterAWarmUpReadsTheSteadyStateSummary() {
		ProducerPerformanceOutput output = ProducerPerformanceOutput.parse(List.of(
				"1200000 records sent, 150000.000000 records/sec (62.65 MB/sec), 300.00 ms avg latency, "
						+ "900.00 ms max latency, 280 ms 50th, 600 ms 95th, 700 ms 99th, 850 ms 99.9th.",
				"In steady state.",
				"1000000 steady state records sent, 160000.000000 records/sec (66.83 MB/sec), 290.00 ms avg latency, "
						+ "800.00 ms max latency, 270 ms 50th, 580 ms 95th, 650 ms 99th, 790 ms 99.9th."));

		assertThat(output.records()).isEqualTo(1_000_000);
		assertThat(output.perSecond()).isEqualTo(160_000);
		assertThat(output.latency().p99()).isEqualTo(650);
	}

	@Test
	void outputWithoutSummaryIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProducerPerformanceOutput
			.parse(List.of("ERROR Exception in thread main org.apache.kafka.common.errors.TimeoutException")));
	}

}
