package io.eventsuite.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops every process a benchmark started when the benchmark itself is stopped. A
 * benchmark closes its brokers, services and producer JVMs when it ends or fails, but a
 * {@code SIGTERM} (a {@code kill}) runs no {@code finally} block: the brokers and JVMs it
 * had started went on running, and on two shared cores they would have slowed every later
 * benchmark without a word. A {@code SIGKILL} runs no hook either: nothing stops them
 * then.
 */
public final class ChildProcesses {

	/**
	 * A broker's controlled shutdown takes a few seconds; what is left then is killed.
	 */
	private static final Duration GRACE = Duration.ofSeconds(15);

	/** How often processes started during the grace period are looked for. */
	private static final Duration ROUND = Duration.ofSeconds(1);

	/** How long the killed get to be gone before this JVM exits. */
	private static final Duration KILLED = Duration.ofSeconds(5);

	private ChildProcesses() {
	}

	/**
	 * Stops this JVM's child processes, and theirs, when it exits, whatever ends it but a
	 * {@code SIGKILL}. When a benchmark ends normally it has closed them already, and
	 * this finds none.
	 */
	public static void stopOnExit() {
		Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-child-processes"));
	}

	// SIGTERM to all at once, so that they shut down in parallel, and again each second
	// to
	// any the benchmark's thread started meanwhile (it runs on while the hooks do: the
	// latency benchmark starts three brokers when its first cluster fails); then SIGKILL
	// to whatever still runs after the grace period.
	static void stopAll() {
		long deadline = System.nanoTime() + GRACE.toNanos();
		List<ProcessHandle> running = running();
		while (!running.isEmpty() && System.nanoTime() < deadline) {
			running.forEach(ProcessHandle::destroy);
			awaitExit(running, Math.min(ROUND.toNanos(), deadline - System.nanoTime()));
			running = running();
		}
		running.forEach(ProcessHandle::destroyForcibly);
		awaitExit(running, KILLED.toNanos());
	}

	private static List<ProcessHandle> running() {
		return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
	}

	private static void awaitExit(List<ProcessHandle> processes, long nanos) {
		CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(exits).get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// Those still running are handled by the caller.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
