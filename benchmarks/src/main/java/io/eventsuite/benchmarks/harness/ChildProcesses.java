package io.eventsuite.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops every process a benchmark started when the benchmark itself is stopped. A
 * benchmark closes its brokers, services and producer JVMs when it ends or fails, but a
 * {@code SIGTERM} (a {@code kill}, a CI job's time limit) runs no {@code finally} block:
 * the brokers and JVMs it had started went on running, and on two shared cores they would
 * have slowed every later benchmark without a word.
 */
public final class ChildProcesses {

	/**
	 * A broker's controlled shutdown takes a few seconds; what is left then is killed.
	 */
	private static final Duration GRACE = Duration.ofSeconds(15);

	private ChildProcesses() {
	}

	/**
	 * Stops this JVM's child processes, and theirs, when it exits, whatever ends it but a
	 * {@code SIGKILL}. When a benchmark ends normally it has closed them already.
	 */
	public static void stopOnExit() {
		Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-child-processes"));
	}

	// SIGTERM to all at once, so that they shut down in parallel, then SIGKILL to those
	// still running after the grace period.
	static void stopAll() {
		List<ProcessHandle> running = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
		running.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + GRACE.toNanos();
		for (ProcessHandle process : running) {
			try {
				process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				process.destroyForcibly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

}
