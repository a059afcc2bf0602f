package io.eventsuite.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
