package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * meter before stopping the process, or {@linkplain #follow follow} it.
 */
public final class CpuMeter implements AutoCloseable {

	private static final Path MACHINE_TICKS = Path.of("/proc/stat");

	/** How often a {@linkplain #follow followed} process is read. */
	static final long FOLLOW_MILLIS = 100;

	/**
	 * What the reports call a followed producer's JVM, a reference tool's or a
	 * contender's.
	 */
	public static final String PRODUCER = "producer";

	/** What the reports call a followed consumer's JVM. */
	public static final String CONSUMER = "consumer";

	private static final Logger log = LoggerFactory.getLogger(CpuMeter.class);

	// Resolved once: a handle knows its process's start time, so a process id reused
	// by another process before the stop reads as gone, not as the other one.
	private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

	private final Map<String, Duration> started;

	private final Map<String, ThreadTicks> threadsStarted;

	private final long[] machineStarted;

	private final long startedNanos = System.nanoTime();

	private final Map<String, Followed> followed = new LinkedHashMap<>();

	private ScheduledExecutorService reader;

	private boolean stopped;

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
		processes.putAll(brokers(cluster));
		processes.put("harness", ProcessHandle.current().pid());
		return processes;
	}

	/**
	 * The brokers of a run, named as its report names them: {@code broker}, or
	 * {@code broker 1} to {@code broker 3}.
	 * @param cluster the run's brokers
	 * @return process ids by name, in node order
	 */
	public static Map<String, Long> brokers(KafkaCluster cluster) {
		Map<String, Long> processes = new LinkedHashMap<>();
		Map<Integer, Long> brokers = cluster.pids();
		brokers.forEach((node, pid) -> processes.put((brokers.size() == 1) ? "broker" : "broker " + node, pid));
		return processes;
	}

	/**
	 * Follows a process started inside the window, which may exit before the window ends,
	 * such as a reference tool's JVM: it counts whole, from its start, after the other
	 * processes. It is read every {@value #FOLLOW_MILLIS} ms while it runs and its last
	 * reading counts: what each thread took after it (the exit, for most) is missing, up
	 * to that interval's CPU per thread, more if the reader waits for a core. Each thread
	 * counts with its own last reading, so one that ended between two readings (a
	 * producer's network thread when it is closed) keeps its name.
	 * @param name what the report calls it
	 * @param process the process
	 * @throws IllegalStateException if the window has ended or the name is taken
	 */
	public synchronized void follow(String name, ProcessHandle process) {
		if (this.stopped) {
			throw new IllegalStateException("The window has ended: " + name + " can no longer be followed");
		}
		if (this.processes.containsKey(name) || this.followed.containsKey(name)) {
			throw new IllegalStateException(name + " is already metered");
		}
		Followed followed = new Followed(process);
		followed.read();
		this.followed.put(name, followed);
		if (this.reader == null) {
			this.reader = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "cpu-meter");
				thread.setDaemon(true);
				return thread;
			});
			this.reader.scheduleWithFixedDelay(this::readFollowed, FOLLOW_MILLIS, FOLLOW_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	// A scheduled task that throws is never run again: the processes would then keep
	// their last readings from before it, silently.
	private synchronized void readFollowed() {
		if (this.stopped) {
			return;
		}
		try {
			this.followed.values().forEach(Followed::read);
		}
		catch (RuntimeException ex) {
			log.warn("Reading the followed processes failed; the next reading tries again", ex);
		}
	}

	/**
	 * Stops following processes, if {@link #stop} has not: for a run that failed before
	 * it. Does nothing more; a meter that follows nothing needs no closing.
	 */
	@Override
	public synchronized void close() {
		this.stopped = true;
		if (this.reader != null) {
			this.reader.shutdownNow();
		}
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
		synchronized (this) {
			close();
			this.followed.forEach((name, process) -> {
				process.read();
				if (process.threads.isEmpty()) {
					log.warn("{} could not be read while it ran: left out", name);
					return;
				}
				double total = process.cpu.toNanos() / 1e9;
				seconds.put(name, total);
				threadSeconds.put(name, withEnded(total, ThreadTicks.secondsOf(process.threads.values())));
			});
		}
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
		return Optional.of(withEnded(total, after.secondsSince(before)));
	}

	private static Map<String, Double> withEnded(double total, Map<String, Double> groups) {
		Map<String, Double> threads = new LinkedHashMap<>(groups);
		double ended = total - threads.values().stream().mapToDouble(Double::doubleValue).sum();
		if (ended >= 2 / ThreadTicks.TICKS_PER_SECOND) {
			threads.put(CpuUse.ENDED, ended);
		}
		return threads;
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

	/**
	 * A followed process's last reading: its CPU in all, and each thread by its id and
	 * start, kept after it ended. Both only grow: an exited process that was not yet
	 * reaped may still be listed with its leader thread alone.
	 */
	private static final class Followed {

		private final ProcessHandle process;

		private final Map<ThreadTicks.Key, ThreadTicks.Task> threads = new HashMap<>();

		private Duration cpu = Duration.ZERO;

		Followed(ProcessHandle process) {
			this.process = process;
		}

		// The threads first, then the total, which the handle reads only while its
		// process is the one it was made for: if the process was reaped and its id
		// given to another in between, the total is empty and the threads are not
		// kept.
		void read() {
			ThreadTicks read = ThreadTicks.of(this.process.pid());
			Optional<Duration> total = this.process.info().totalCpuDuration();
			if (total.isEmpty() || read.threads().isEmpty()) {
				return;
			}
			if (total.get().compareTo(this.cpu) > 0) {
				this.cpu = total.get();
			}
			read.threads()
				.forEach((tid, task) -> this.threads.merge(new ThreadTicks.Key(tid, task.started()), task,
						(kept, now) -> (now.ticks() > kept.ticks()) ? now : kept));
		}

	}

}
