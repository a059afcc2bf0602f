package io.eventsuite.benchmarks.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * The CPU the processes of one run took, each as the operating system counts it (user and
 * system time, what {@code top} shows), and how busy the whole machine was over the same
 * window: on two shared cores a throughput or a latency is only read right next to what
 * it cost and whether anything was left.
 *
 * @param seconds CPU seconds per process, by name ({@code order-service}, {@code broker},
 * {@code harness}), in the order they were named; empty if not measured
 * @param machineBusy the share of all the machine's cores not idle over the window (user,
 * system, interrupts and time stolen by the hypervisor), from 0 to 1; {@code NaN} where
 * the operating system does not say ({@code /proc/stat} is Linux's)
 * @param windowSeconds how long the window lasted, {@code NaN} if not known
 * @param threadSeconds per process, CPU seconds per group of its threads (as
 * {@code top -H} names them, trailing numbers dropped: {@code http-nio-8080-},
 * {@code GC Thread#}), and {@value #ENDED} for threads that ended inside the window;
 * empty where not measured
 */
public record CpuUse(Map<String, Double> seconds, double machineBusy, double windowSeconds,
		Map<String, Map<String, Double>> threadSeconds) {

	/** A run whose CPU was not measured. */
	public static final CpuUse NONE = new CpuUse(Map.of(), Double.NaN);

	/** The group of a process's threads that ended inside the window. */
	public static final String ENDED = "(ended)";

	public CpuUse {
		seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
		Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
		threadSeconds.forEach(
				(process, threads) -> copy.put(process, Collections.unmodifiableMap(new LinkedHashMap<>(threads))));
		threadSeconds = Collections.unmodifiableMap(copy);
	}

	/**
	 * A run whose threads were not measured.
	 * @param seconds CPU seconds per process
	 * @param machineBusy the share of the machine's cores busy
	 */
	public CpuUse(Map<String, Double> seconds, double machineBusy) {
		this(seconds, machineBusy, Double.NaN, Map.of());
	}

	/**
	 * The part of this run's CPU that its timed events took, at the run's average per
	 * event, for a run whose processes also handled events that are not timed (a
	 * producer's warm-up records): the CPU per timed event becomes the CPU per event of
	 * the whole run. The window is scaled with the CPU, so that each thread's share of a
	 * core is kept; {@link #windowSeconds} is then the timed events' part of the window,
	 * not a time on the clock.
	 * @param timed the events timed, at least 1
	 * @param untimed the run's other events, at least 0
	 * @return a copy, every figure but {@link #machineBusy} scaled by
	 * {@code timed / (timed + untimed)}
	 */
	public CpuUse timedPart(long timed, long untimed) {
		if (timed < 1 || untimed < 0) {
			throw new IllegalArgumentException("A run times at least one event and leaves at least none untimed, not "
					+ timed + " and " + untimed);
		}
		double fraction = (double) timed / (timed + untimed);
		Map<String, Double> scaledSeconds = new LinkedHashMap<>();
		this.seconds.forEach((process, cpu) -> scaledSeconds.put(process, cpu * fraction));
		return new CpuUse(scaledSeconds, this.machineBusy, this.windowSeconds * fraction,
				threadSecondsAs((cpu) -> cpu * fraction));
	}

	public boolean measured() {
		return !this.seconds.isEmpty();
	}

	/**
	 * CPU milliseconds per event, per process.
	 * @param events what the run completed (records, requests)
	 * @return by process, in the same order; empty if not measured or nothing completed
	 */
	public Map<String, Double> millisPer(long events) {
		Map<String, Double> perEvent = new LinkedHashMap<>();
		if (events > 0) {
			this.seconds.forEach((process, cpu) -> perEvent.put(process, cpu * 1000 / events));
		}
		return Collections.unmodifiableMap(perEvent);
	}

	/**
	 * CPU milliseconds per event, per process and group of its threads.
	 * @param events what the run completed
	 * @return by process, then by thread group; empty if not measured or nothing
	 * completed
	 */
	public Map<String, Map<String, Double>> threadMillisPer(long events) {
		return (events > 0) ? threadSecondsAs((cpu) -> cpu * 1000 / events) : Map.of();
	}

	/**
	 * What each group of a process's threads took, as a share of one core over the
	 * window: what {@code top -H} shows, 1.0 for a thread busy the whole time.
	 * @return by process, then by thread group; empty if not measured
	 */
	public Map<String, Map<String, Double>> threadCores() {
		return (this.windowSeconds > 0) ? threadSecondsAs((cpu) -> cpu / this.windowSeconds) : Map.of();
	}

	private Map<String, Map<String, Double>> threadSecondsAs(DoubleUnaryOperator measure) {
		Map<String, Map<String, Double>> scaled = new LinkedHashMap<>();
		this.threadSeconds.forEach((process, threads) -> {
			Map<String, Double> values = new LinkedHashMap<>();
			threads.forEach((thread, cpu) -> values.put(thread, measure.applyAsDouble(cpu)));
			scaled.put(process, Collections.unmodifiableMap(values));
		});
		return Collections.unmodifiableMap(scaled);
	}

	/**
	 * Each process's CPU per event, then how busy all the cores were:
	 * {@code order-service 0.44, broker 0.12, harness 0.11 ms; machine 97% busy}.
	 * @param millisPerEvent CPU milliseconds per event, by process
	 * @param machineBusy the share of the cores busy, {@code NaN} if not known
	 * @return the text, {@code –} if nothing was measured
	 */
	public static String text(Map<String, Double> millisPerEvent, double machineBusy) {
		if (millisPerEvent.isEmpty()) {
			return "–";
		}
		String processes = millisPerEvent.entrySet()
			.stream()
			.map((process) -> process.getKey() + " " + millis(process.getValue()))
			.collect(Collectors.joining(", ", "", " ms"));
		return Double.isNaN(machineBusy) ? processes
				: processes + String.format(Locale.ROOT, "; machine %.0f%% busy", machineBusy * 100);
	}

	// From microseconds (a broker per record) to seconds (a start).
	private static String millis(double value) {
		String format = (value < 0.1) ? "%.3f" : (value < 100) ? "%.2f" : "%,.0f";
		return String.format(Locale.ROOT, format, value);
	}

}
