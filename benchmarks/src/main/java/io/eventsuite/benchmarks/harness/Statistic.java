package io.eventsuite.benchmarks.harness;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What a {@link Target} holds a variant to: one figure of its {@link Report.Summary}.
 */
public enum Statistic {

	/** Median throughput. */
	PER_SECOND("throughput", "/s", true, Report.Summary::medianPerSecond),

	/** Median of the runs' medians. */
	P50_MS("p50", "ms", false, (summary) -> summary.latency().p50()),

	/** Median of the runs' 99th percentiles. */
	P99_MS("p99", "ms", false, (summary) -> summary.latency().p99()),

	/** Median of the runs' 99.9th percentiles. */
	P999_MS("p99.9", "ms", false, (summary) -> summary.latency().p999()),

	/** Median run duration, for example the time to ready. */
	SECONDS("takes", "s", false, Report.Summary::medianSeconds),

	/** The highest resident set size of any run (the kernel's {@code VmHWM}). */
	PEAK_RSS_MB("peak RSS", "MB", false, Report.Summary::peakRssMb);

	private final String label;

	private final String unit;

	private final boolean higherIsBetter;

	private final ToDoubleFunction<Report.Summary> value;

	Statistic(String label, String unit, boolean higherIsBetter, ToDoubleFunction<Report.Summary> value) {
		this.label = label;
		this.unit = unit;
		this.higherIsBetter = higherIsBetter;
		this.value = value;
	}

	public String label() {
		return this.label;
	}

	public String unit() {
		return this.unit;
	}

	public boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	/**
	 * This statistic of a summary.
	 * @param summary a variant's runs
	 * @return the figure
	 */
	public double of(Report.Summary summary) {
		return this.value.applyAsDouble(summary);
	}

	static String format(double value) {
		return String.format(Locale.ROOT, (Math.abs(value) >= 100) ? "%,.0f" : "%.2f", value);
	}

}
