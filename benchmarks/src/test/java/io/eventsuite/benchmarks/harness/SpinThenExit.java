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
			System.out.println("spun " + spin(work));
			LockSupport.parkNanos(work.toNanos());
		}, "spinner-1");
		spinner.start();
		spinner.join();
	}

	/**
	 * Works on the calling thread until it has had this much CPU: a fixed amount of work,
	 * however long the machine makes it take.
	 * @param cpu the CPU time to take
	 * @return what the work summed up, so that the JIT cannot drop it
	 */
	static long spin(Duration cpu) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
		long sink = 0;
		while (threads.getCurrentThreadCpuTime() < until) {
			sink += System.nanoTime() % 7;
		}
		return sink;
	}

}
