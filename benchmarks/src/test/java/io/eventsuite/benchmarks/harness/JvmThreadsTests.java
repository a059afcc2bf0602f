package io.eventsuite.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JvmThreadsTests {

	@Test
	void theCompilersAndTheCollectorEachCountAsOne() {
		Map<String, Double> groups = new LinkedHashMap<>();
		groups.put("order-notificat", 0.30);
		groups.put("C2 CompilerThre", 0.20);
		groups.put("C1 CompilerThre", 0.05);
		groups.put("GC Thread#", 0.12);
		groups.put("G1 Conc#", 0.10);
		groups.put("G1 Refine#", 0.01);
		groups.put("VM Thread", 0.02);
		groups.put("VM Periodic Tas", 0.01);

		Map<String, Double> folded = JvmThreads.fold(groups);

		assertThat(folded).containsOnlyKeys("order-notificat", JvmThreads.JIT, JvmThreads.GC, "VM Periodic Tas");
		assertThat(folded.get(JvmThreads.JIT)).isCloseTo(0.25, within(1e-9));
		assertThat(folded.get(JvmThreads.GC)).isCloseTo(0.25, within(1e-9));
		assertThat(folded.get("order-notificat")).isEqualTo(0.30);
	}

}
