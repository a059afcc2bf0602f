package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class CpuMeterTests {

	private static final long SELF = ProcessHandle.current().pid();

	@Test
	void countsTheCpuAProcessTookInTheWindow() {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		SpinThenExit.spin(Duration.ofMillis(400));
		CpuUse used = meter.stop();

		// The operating system counts in ticks of 10 ms; other threads of this JVM (the
		// JIT, the collector) may add to it.
		assertThat(used.seconds()).containsOnlyKeys("self");
		assertThat(used.seconds().get("self")).isGreaterThanOrEqualTo(0.39);
		assertThat(used.millisPer(4)).containsEntry("self", used.seconds().get("self") * 1000 / 4);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aSpinningThreadMakesTheMachineBusy() throws IOException {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		SpinThenExit.spin(Duration.ofMillis(300));
		CpuUse used = meter.stop();

		// One core of all those /proc/stat counts (the host's, whatever this JVM may
		// use) was busy for the whole window, less the ticks lost at its two ends.
		assertThat(used.machineBusy()).isBetween(0.5 / hostCores(), 1.0);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void theCpuOfThreadsThatEndedInTheWindowCountsAsEnded() throws InterruptedException {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		Thread worker = new Thread(() -> SpinThenExit.spin(Duration.ofMillis(400)), "meter-worker-1");
		worker.start();
		worker.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(worker.isAlive()).isFalse();
		// The kernel takes its task out of /proc a moment after join() returns.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ThreadTicks.of(SELF)
				.threads()
				.values()
				.stream()
				.noneMatch((task) -> task.name().equals("meter-worker-1")));
		CpuUse used = meter.stop();

		// Gone from /proc, its time is still the process's: what the live threads do not
		// account for.
		assertThat(used.threadSeconds()).containsOnlyKeys("self");
		assertThat(used.threadSeconds().get("self")).doesNotContainKey("meter-worker-")
			.hasEntrySatisfying(CpuUse.ENDED, (seconds) -> assertThat(seconds).isGreaterThanOrEqualTo(0.35));
		assertThat(used.windowSeconds()).isGreaterThanOrEqualTo(0.4);
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
	void aProcessStartedInTheWindowCountsWholeAfterTheOthers() throws IOException {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> cpuSeconds(spinner) >= 0.2);
			CpuUse used = meter.stop(Map.of("spinner", spinner.pid()));

			assertThat(used.seconds().keySet()).containsExactly("self", "spinner");
			assertThat(used.seconds().get("spinner")).isGreaterThanOrEqualTo(0.2);
		}
		finally {
			spinner.destroyForcibly();
		}
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aFollowedProcessCountsWholeAfterItExitedWithItsEndedThreadsByName() {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		int status = JavaProcess.run(SpinThenExit.class.getName(), List.of("400"),
				Path.of("target", "cpu-meter", "spin-then-exit.log"), Duration.ofMinutes(2), false,
				(process) -> meter.follow("spinner", process));
		assertThat(status).isZero();
		CpuUse used = meter.stop();

		assertThat(used.seconds().keySet()).containsExactly("self", "spinner");
		assertThat(used.seconds().get("spinner")).isGreaterThanOrEqualTo(0.39);
		// Its thread ended before the JVM did: still known by its name, with its CPU
		// from its last reading, taken while it lived on idle (the kernel counts in
		// ticks of 10 ms).
		assertThat(used.threadSeconds().get("spinner")).hasEntrySatisfying("spinner-",
				(seconds) -> assertThat(seconds).isGreaterThanOrEqualTo(0.39));
	}

	@Test
	void aProcessIsFollowedOnlyInsideTheWindowAndUnderANameOfItsOwn() {
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		ProcessHandle self = ProcessHandle.current();

		assertThatIllegalStateException().isThrownBy(() -> meter.follow("self", self))
			.withMessageContaining("already metered");
		meter.stop();
		assertThatIllegalStateException().isThrownBy(() -> meter.follow("later", self))
			.withMessageContaining("window has ended");
	}

	@Test
	void aFollowedProcessThatCouldNotBeReadIsLeftOut() throws IOException, InterruptedException {
		Process gone = new ProcessBuilder("true").start();
		ProcessHandle handle = gone.toHandle();
		assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
		CpuMeter meter = CpuMeter.start(Map.of("self", SELF));
		meter.follow("gone", handle);

		assertThat(meter.stop().seconds()).containsOnlyKeys("self");
	}

	@Test
	void theMachinesBusyShareIsAllButIdleAndWaitingOverTheWindow() {
		// user nice system idle iowait irq softirq steal
		long[] before = { 100, 0, 50, 800, 50, 0, 0, 0 };
		long[] after = { 200, 0, 100, 850, 80, 10, 0, 40 };

		// 280 ticks in all, of which idle 50 and waiting for I/O 30.
		assertThat(CpuMeter.busy(before, after)).isCloseTo(200.0 / 280, within(1e-9));
		assertThat(CpuMeter.busy(null, after)).isNaN();
		assertThat(CpuMeter.busy(before, before)).isNaN();
	}

	private static double cpuSeconds(Process process) {
		return process.info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e9).orElse(0.0);
	}

	private static long hostCores() throws IOException {
		try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
			return lines.filter((line) -> line.matches("cpu\\d+ .*")).count();
		}
	}

}
