package io.eventsuite.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CpuUseTests {

	@Test
	void perEventIsEachProcesssCpuOverTheEventsInTheSameOrder() {
		Map<String, Double> seconds = new LinkedHashMap<>();
		seconds.put("order-service", 2.0);
		seconds.put("broker", 0.5);

		assertThat(new CpuUse(seconds, 0.9).millisPer(1_000)).containsExactly(Map.entry("order-service", 2.0),
				Map.entry("broker", 0.5));
		assertThat(new CpuUse(seconds, 0.9).millisPer(0)).isEmpty();
	}

	@Test
	void aThreadGroupsShareOfACoreIsItsCpuOverTheWindow() {
		Map<String, Map<String, Double>> threads = Map.of("order-service",
				Map.of("http-nio-8080-", 3.0, "C2 CompilerThre", 0.5));

		assertThat(new CpuUse(Map.of("order-service", 3.5), 0.9, 10.0, threads).threadCores())
			.containsExactly(Map.entry("order-service", Map.of("http-nio-8080-", 0.3, "C2 CompilerThre", 0.05)));
		assertThat(new CpuUse(Map.of("order-service", 3.5), 0.9, Double.NaN, threads).threadCores()).isEmpty();
	}

	@Test
	void theTimedEventsPartIsTheRunsCpuPerEventAndKeepsEachThreadsShareOfACore() {
		Map<String, Map<String, Double>> threads = Map.of("producer", Map.of("kafka-producer-", 2.0, "sender-", 4.0));
		CpuUse run = new CpuUse(Map.of("producer", 6.0, "broker", 3.0), 0.9, 12.0, threads);

		// 750 timed events of 1,000 sent in all: per event, the run's average.
		CpuUse timed = run.timedPart(750, 250);

		assertThat(timed.millisPer(750)).containsOnly(Map.entry("producer", 6.0), Map.entry("broker", 3.0));
		assertThat(timed.threadMillisPer(750))
			.containsOnly(Map.entry("producer", Map.of("kafka-producer-", 2.0, "sender-", 4.0)));
		assertThat(timed.threadCores()).isEqualTo(run.threadCores());
		assertThat(timed.machineBusy()).isEqualTo(0.9);
		assertThat(run.timedPart(1_000, 0)).isEqualTo(run);
		assertThatIllegalArgumentException().isThrownBy(() -> run.timedPart(0, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> run.timedPart(10, -1));
	}

	@Test
	void aRunWithoutCpuIsNotMeasuredAndShowsADash() {
		assertThat(CpuUse.NONE.measured()).isFalse();
		assertThat(CpuUse.NONE.millisPer(10)).isEmpty();
		assertThat(CpuUse.text(Map.of(), Double.NaN)).isEqualTo("–");
	}

	@Test
	void textGivesEachProcessThenTheMachine() {
		Map<String, Double> perEvent = new LinkedHashMap<>();
		perEvent.put("order-service", 0.4412);
		perEvent.put("broker", 0.0123);

		assertThat(CpuUse.text(perEvent, 0.974)).isEqualTo("order-service 0.44, broker 0.012 ms; machine 97% busy");
		assertThat(CpuUse.text(perEvent, Double.NaN)).isEqualTo("order-service 0.44, broker 0.012 ms");
		assertThat(CpuUse.text(Map.of("activity-tracker", 12_210.4), Double.NaN))
			.isEqualTo("activity-tracker 12,210 ms");
	}

}
