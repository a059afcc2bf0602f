package io.eventsuite.benchmarks.tuning;

import java.util.Locale;
import java.util.Optional;

import io.eventsuite.benchmarks.harness.Report;

/**
 * The two measurements of each cell.
 */
enum Mode {

	/**
	 * As fast as the producer takes records: its maximum throughput with these settings.
	 */
	UNTHROTTLED,

	/**
	 * At a fixed moderate rate, open-loop: the latency a service sees when it is not
	 * saturated.
	 */
	RATED;

	/**
	 * The report's series of a payload in this mode.
	 * @param payload the payload
	 * @param rate the rate of {@link #RATED}, records per second
	 * @return for example {@code order, max throughput} or {@code order, 5,000/s}
	 */
	String series(Payload payload, int rate) {
		return payload.id() + ", "
				+ ((this == UNTHROTTLED) ? "max throughput" : String.format(Locale.ROOT, "%,d/s", rate));
	}

	/**
	 * The median of a cell's runs in this mode.
	 * @param report what was measured
	 * @param payload the payload
	 * @param rate the rate of {@link #RATED}
	 * @param cell the cell
	 * @return its summary, empty if the cell was not measured
	 */
	Optional<Report.Summary> summary(Report report, Payload payload, int rate, Cell cell) {
		String series = series(payload, rate);
		return report.summaries()
			.stream()
			.filter((summary) -> summary.series().equals(series) && summary.variant().equals(cell.label()))
			.findFirst();
	}

}
