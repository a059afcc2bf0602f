package io.eventsuite.benchmarks.harness;

import java.time.Duration;

/**
 * A JVM for {@link CpuMeterTests}: one thread, {@code spinner-1}, works for the CPU
 * milliseconds given and ends, then the JVM exits.
 */
public final class SpinThenExit {

	private SpinThenExit() {
	}

	public static void main(String[] args) throws InterruptedException {
		Thread spinner = new Thread(() -> CpuMeterTests.spin(Duration.ofMillis(Long.parseLong(args[0]))), "spinner-1");
		spinner.start();
		spinner.join();
	}

}
