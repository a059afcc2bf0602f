package io.eventsuite.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A JVM for {@link CpuMeterTests}: one thread, {@code spinner-1}, works for the CPU
 * milliseconds given, lives on idle for as long again, and ends; then the JVM exits. The
 * idle time is part of the thread's life, not a wait for anything: it lets a meter that
 * reads every 100 ms see the thread's final CPU before the thread is gone.
 */
public final class SpinThenExit {

	private SpinThenExit() {
	}

	public static void main(String[] args) throws InterruptedException {
		Duration work = Duration.ofMillis(Long.parseLong(args[0]));
		Thread spinner = new Thread(() -> {
			spin(work);
			LockSupport.parkNanos(work.toNanos());
		}, "spinner-1");
		spinner.start();
		spinner.join();
	}

	private static void spin(Duration cpu) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
		long sink = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			sink += System.nanoTime() % 7;
		}
		// Printed, so that the JIT cannot drop the loop's work.
		System.out.println("spun " + sink);
	}

}
