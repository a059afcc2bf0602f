package io.eventsuite.benchmarks.latency;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventsuite.benchmarks.harness.Latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

class EndToEndLatencyOutputTests {

	@Test
	void readsAverageAndPercentilesAndTakesTheLargestPrintedLatencyAsTheMaximum() {
		EndToEndLatencyOutput output = EndToEndLatencyOutput
			.parse(List.of("WARNING: Positional argument usage is deprecated and will be removed in Apache Kafka 5.0.",
					"0\t415.21668800000003", "1000\t4.789885", "Avg latency: 7.8172 ms",
					"Percentiles: 50th = 5, 99th = 39, 99.9th = 185",
					"02:18:38.966 WARN  ConsumerCoordinator - Offset commit failed on partition e2e-4 at offset 0"));

		assertThat(output.averageMs()).isEqualTo(7.8172);
		assertThat(output.latency()).isEqualTo(new Latency(5, 39, 185, 415.21668800000003));
		assertThat(output.perSecond()).isCloseTo(127.9, offset(0.1));
	}

	@Test
	void neverReportsAMaximumBelowTheLastPercentile() {
		EndToEndLatencyOutput output = EndToEndLatencyOutput
			.parse(List.of("0\t12.5", "Avg latency: 2.0000 ms", "Percentiles: 50th = 1, 99th = 9, 99.9th = 30"));

		assertThat(output.latency().max()).isEqualTo(30);
	}

	@Test
	void rejectsOutputWithoutASummary() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EndToEndLatencyOutput.parse(List.of("0\t415.2", "Exception in thread \"main\"")));
	}

}
