package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceProcess;

/**
 * Measures {@link CpuUse} over a window: started before a run, stopped after it. Each
 * process's CPU time comes from {@link ProcessHandle.Info#totalCpuDuration()} (on Linux
 * {@code /proc/<pid>/stat}: user and system time of all its threads, in ticks of 10 ms;
 * not its child processes, so a {@code java} that is a script starting the JVM without
 * {@code exec} is not measured), each of its threads' from {@code /proc/<pid>/task}
 * ({@link ThreadTicks}), the machine's from {@code /proc/stat}. A process that ends
 * inside the window cannot be read at its end and is left out, with a warning: stop the
 * meter before stopping the process.
 */
public final class CpuMeter {

	private static final Path MACHINE_TICKS = Path.of("/proc/stat");

	private static final Logger log = LoggerFactory.getLogger(CpuMeter.class);

	// Resolved once: a handle knows its process's start time, so a process id reused
	// by another process before the stop reads as gone, not as the other one.
	private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

	private final Map<String, Duration> started;

	private final Map<String, ThreadTicks> threadsStarted;

	private final long[] machineStarted;

	private final long startedNanos = System.nanoTime();

	private CpuMeter(Map<String, Long> processes) {
		this.processes.putAll(handles(processes));
		this.started = cpuTimes(this.processes);
		this.threadsStarted = threadTicks(this.processes);
		this.machineStarted = machineTicks();
	}

	/**
	 * Starts a window.
	 * @param processes process ids by the name the report gives them, in the order it
	 * lists them
	 * @return the running meter
	 */
	public static CpuMeter start(Map<String, Long> processes) {
		return new CpuMeter(processes);
	}

	/**
	 * The processes of a run, named as its report names them: the services, then the
	 * brokers ({@code broker}, or {@code broker 1} to {@code broker 3}), then this JVM
	 * ({@code harness}: the load generator and the readers).
	 * @param cluster the run's brokers
	 * @param services the run's services, each under its module name
	 * @return process ids by name, in that order
	 */
	public static Map<String, Long> processes(KafkaCluster cluster, ServiceProcess... services) {
		Map<String, Long> processes = new LinkedHashMap<>();
		for (ServiceProcess service : services) {
			processes.put(service.name(), service.pid());
		}
		Map<Integer, Long> brokers = cluster.pids();
		brokers.forEach((node, pid) -> processes.put((brokers.size() == 1) ? "broker" : "broker " + node, pid));
		processes.put("harness", ProcessHandle.current().pid());
		return processes;
	}

	/**
	 * Ends the window.
	 * @return what each process took since {@link #start}, and how busy the machine was;
	 * a process that could not be read at either end is left out
	 */
	public CpuUse stop() {
		return stop(Map.of());
	}

	/**
	 * Ends the window, with processes started inside it counted whole, from their start:
	 * what a start-up takes.
	 * @param startedInWindow process ids by name, of processes younger than the window
	 * @return as {@link #stop()}, those processes after the others
	 */
	public CpuUse stop(Map<String, Long> startedInWindow) {
		Map<String, ProcessHandle> processes = new LinkedHashMap<>(this.processes);
		Map<String, Duration> before = new LinkedHashMap<>(this.started);
		Map<String, ThreadTicks> threadsBefore = new LinkedHashMap<>(this.threadsStarted);
		Map<String, ProcessHandle> young = handles(startedInWindow);
		young.forEach((name, handle) -> {
			processes.put(name, handle);
			before.put(name, Duration.ZERO);
			threadsBefore.put(name, ThreadTicks.NONE);
		});
		// In the order of the start, so that both figures' windows are as long.
		Map<String, Duration> after = cpuTimes(processes);
		Map<String, ThreadTicks> threadsAfter = threadTicks(processes);
		long[] machineStopped = machineTicks();
		Map<String, Double> seconds = new LinkedHashMap<>();
		Map<String, Map<String, Double>> threadSeconds = new LinkedHashMap<>();
		before.forEach((name, cpu) -> {
			if (after.containsKey(name)) {
				double total = after.get(name).minus(cpu).toNanos() / 1e9;
				seconds.put(name, total);
				// A process older than the window whose threads could not be read at its
				// start gets no thread figures: they would count each thread's whole
				// life.
				ThreadTicks threadsAtStart = threadsBefore.get(name);
				if (young.containsKey(name) || !threadsAtStart.threads().isEmpty()) {
					threads(total, threadsAtStart, threadsAfter.get(name))
						.ifPresent((threads) -> threadSeconds.put(name, threads));
				}
			}
			else {
				log.warn("{} ended before its CPU was read at the end of the run: left out", name);
			}
		});
		return new CpuUse(seconds, busy(this.machineStarted, machineStopped),
				(System.nanoTime() - this.startedNanos) / 1e9, threadSeconds);
	}

	// What the process's threads took, by group; what they do not add up to of the
	// process's own figure (which keeps the time of its ended threads) ended inside the
	// window. Both are in ticks, each thread's rounded down apart and read a moment after
	// the process's total: a few ticks of noise, so less than two is not shown.
	private static Optional<Map<String, Double>> threads(double total, ThreadTicks before, ThreadTicks after) {
		if (after == null || after.threads().isEmpty()) {
			return Optional.empty();
		}
		Map<String, Double> threads = new LinkedHashMap<>(after.secondsSince(before));
		double ended = total - threads.values().stream().mapToDouble(Double::doubleValue).sum();
		if (ended >= 2 / ThreadTicks.TICKS_PER_SECOND) {
			threads.put(CpuUse.ENDED, ended);
		}
		return Optional.of(threads);
	}

	private static Map<String, ThreadTicks> threadTicks(Map<String, ProcessHandle> processes) {
		Map<String, ThreadTicks> ticks = new LinkedHashMap<>();
		processes.forEach((name, process) -> ticks.put(name, ThreadTicks.of(process.pid())));
		return ticks;
	}

	private static Map<String, ProcessHandle> handles(Map<String, Long> processes) {
		Map<String, ProcessHandle> handles = new LinkedHashMap<>();
		processes.forEach((name, pid) -> ProcessHandle.of(pid)
			.ifPresentOrElse((handle) -> handles.put(name, handle),
					() -> log.warn("No process {} for {}: its CPU is left out", pid, name)));
		return handles;
	}

	private static Map<String, Duration> cpuTimes(Map<String, ProcessHandle> processes) {
		Map<String, Duration> times = new LinkedHashMap<>();
		processes
			.forEach((name, process) -> process.info().totalCpuDuration().ifPresent((cpu) -> times.put(name, cpu)));
		return times;
	}

	// The first line of /proc/stat: user nice system idle iowait irq softirq steal ...
	// in ticks since boot, all cores together.
	private static long[] machineTicks() {
		try (Stream<String> lines = Files.lines(MACHINE_TICKS)) {
			Optional<String> total = lines.findFirst().filter((line) -> line.startsWith("cpu "));
			return total
				.map((line) -> Arrays.stream(line.substring(4).trim().split("\\s+"))
					.limit(8)
					.mapToLong(Long::parseLong)
					.toArray())
				.orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static double busy(long[] before, long[] after) {
		if (before == null || after == null || before.length < 5 || after.length != before.length) {
			return Double.NaN;
		}
		long total = 0;
		for (int i = 0; i < before.length; i++) {
			total += after[i] - before[i];
		}
		long idle = (after[3] - before[3]) + (after[4] - before[4]);
		return (total > 0) ? (double) (total - idle) / total : Double.NaN;
	}

}
