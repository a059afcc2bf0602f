package io.eventsuite.benchmarks.harness;

import java.util.Map;

/**
 * One run of one variant.
 *
 * @param series what was measured, for example {@code closed-loop, 32 connections}
 * @param variant who was measured, for example {@code ProducerPerformance}
 * @param role reference, contender or diagnostic
 * @param round which repetition, from 1
 * @param count what completed successfully (records, requests)
 * @param errors what failed
 * @param seconds how long the run took
 * @param perSecond {@code count / seconds}
 * @param latency latency percentiles
 * @param peakRssMb the measured process's peak resident set size in MB, {@code NaN} if
 * not measured
 * @param cpu the CPU the run's processes took, {@link CpuUse#NONE} if not measured
 */
public record Measurement(String series, String variant, Role role, int round, long count, long errors, double seconds,
		double perSecond, Latency latency, double peakRssMb, CpuUse cpu) {

	/**
	 * A run whose CPU was not measured.
	 * @param series what was measured
	 * @param variant who was measured
	 * @param role its role
	 * @param round which repetition
	 * @param count what completed
	 * @param errors what failed
	 * @param seconds how long it took
	 * @param perSecond {@code count / seconds}
	 * @param latency latency percentiles
	 * @param peakRssMb peak resident set size in MB, {@code NaN} if not measured
	 */
	public Measurement(String series, String variant, Role role, int round, long count, long errors, double seconds,
			double perSecond, Latency latency, double peakRssMb) {
		this(series, variant, role, round, count, errors, seconds, perSecond, latency, peakRssMb, CpuUse.NONE);
	}

	/**
	 * A run whose memory was not measured.
	 * @param series what was measured
	 * @param variant who was measured
	 * @param role its role
	 * @param round which repetition
	 * @param count what completed
	 * @param errors what failed
	 * @param seconds how long it took
	 * @param perSecond {@code count / seconds}
	 * @param latency latency percentiles
	 */
	public Measurement(String series, String variant, Role role, int round, long count, long errors, double seconds,
			double perSecond, Latency latency) {
		this(series, variant, role, round, count, errors, seconds, perSecond, latency, Double.NaN);
	}

	/**
	 * The same run with the CPU its processes took.
	 * @param used what a {@link CpuMeter} measured over the run
	 * @return a copy
	 */
	public Measurement withCpu(CpuUse used) {
		return new Measurement(this.series, this.variant, this.role, this.round, this.count, this.errors, this.seconds,
				this.perSecond, this.latency, this.peakRssMb, used);
	}

	/**
	 * CPU milliseconds per completed event, per process.
	 * @return empty if the CPU was not measured
	 */
	public Map<String, Double> cpuMillisPerEvent() {
		return this.cpu.millisPer(this.count);
	}

	/**
	 * CPU milliseconds per completed event, per process and group of its threads.
	 * @return empty if the threads' CPU was not measured
	 */
	public Map<String, Map<String, Double>> threadMillisPerEvent() {
		return this.cpu.threadMillisPer(this.count);
	}

	/**
	 * Each group of each process's threads as a share of one core over the run.
	 * @return empty if the threads' CPU was not measured
	 */
	public Map<String, Map<String, Double>> threadCores() {
		return this.cpu.threadCores();
	}

	/**
	 * The CPU per event and the machine's load, as the report writes them.
	 * @return the text, {@code –} if not measured
	 */
	public String cpuText() {
		return CpuUse.text(cpuMillisPerEvent(), this.cpu.machineBusy());
	}

	/**
	 * The CPU for the end of a benchmark's log line.
	 * @param event what one event is, for example {@code order}
	 * @return {@code "; CPU per order: …"}, or nothing if not measured
	 */
	public String cpuLogSuffix(String event) {
		return this.cpu.measured() ? "; CPU per " + event + ": " + cpuText() : "";
	}

}
