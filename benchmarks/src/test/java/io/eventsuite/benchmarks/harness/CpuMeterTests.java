package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuMeterTests {

	private static final long SELF = ProcessHandle.current().pid();

	@Test
	void countsTheCpuAProcessTookInTheWindow() {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		spin(Duration.ofMillis(400));
		CpuUse used = meter.stop();

		// The operating system counts in ticks of 10 ms; other threads of this JVM (the
		// JIT, the collector) may add to it.
		assertThat(used.seconds()).containsOnlyKeys("self");
		assertThat(used.seconds().get("self")).isGreaterThanOrEqualTo(0.39);
		assertThat(used.millisPer(4)).containsEntry("self", used.seconds().get("self") * 1000 / 4);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aSpinningThreadMakesTheMachineBusy() {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		spin(Duration.ofMillis(300));
		CpuUse used = meter.stop();

		int cores = Runtime.getRuntime().availableProcessors();
		assertThat(used.machineBusy()).isBetween(0.9 / cores, 1.0);
	}

	@Test
	void leavesOutAProcessThatEndedOrNeverWas() throws IOException, InterruptedException {
		Process sleeper = new ProcessBuilder("sleep", "60").start();
		Map<String, Long> processes = new LinkedHashMap<>();
		processes.put("self", SELF);
		processes.put("sleeper", sleeper.pid());
		processes.put("nobody", Long.MAX_VALUE);
		CpuMeter meter = CpuMeter.start(processes);
		sleeper.destroyForcibly();
		assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();

		assertThat(meter.stop().seconds()).containsOnlyKeys("self");
	}

	@Test
	void theMachinesBusyShareIsAllButIdleAndWaitingOverTheWindow() {
		// user nice system idle iowait irq softirq steal
		long[] before = { 100, 0, 50, 800, 50, 0, 0, 0 };
		long[] after = { 200, 0, 100, 850, 50, 10, 0, 40 };

		assertThat(CpuMeter.busy(before, after)).isCloseTo(200.0 / 250, within(1e-9));
		assertThat(CpuMeter.busy(null, after)).isNaN();
		assertThat(CpuMeter.busy(before, before)).isNaN();
	}

	@Test
	void aRunWithoutItIsNotMeasured() {
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
	}

	// Work on this thread until it has had this much CPU: a fixed amount of work, however
	// long the machine makes it take.
	private static void spin(Duration cpu) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
		long sink = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			sink += System.nanoTime() % 7;
		}
		assertThat(sink).isNotNegative();
	}

}
