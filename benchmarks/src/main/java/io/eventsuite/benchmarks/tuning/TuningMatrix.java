package io.eventsuite.benchmarks.tuning;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

import io.eventsuite.benchmarks.harness.Report;

/**
 * The matrix as Markdown pivot tables, two per payload (maximum throughput, p99 at the
 * fixed rate): rows are {@code batch.size} and {@code linger.ms}, columns
 * {@code compression.type} and {@code acks}; each figure the median of its runs. The
 * profile the payload's service ships with is bold.
 */
final class TuningMatrix {

	/** Marks a latency measured with {@code acks=0}: no broker answered. */
	static final String NO_BROKER_ANSWER = "†";

	private TuningMatrix() {
	}

	static String markdown(Report report, Grid grid, int rate) {
		StringBuilder text = new StringBuilder("## ").append(report.title()).append("\n\n");
		text.append("Rows: `batch.size` (b) and `linger.ms` (l); columns: `compression.type` and `acks`. ")
			.append("**Bold**: the profile the payload's service ships with. Each figure is the median of its runs; ")
			.append("what was held equal is in `")
			.append(report.name())
			.append(".md`.\n");
		for (Payload payload : grid.payloads()) {
			text.append(table(report, grid, payload, rate, Mode.UNTHROTTLED, "records/s",
					(cell, summary) -> String.format(Locale.ROOT, "%,.0f", summary.medianPerSecond())));
			text.append(table(report, grid, payload, rate, Mode.RATED, "p99 ms",
					(cell, summary) -> p99(summary) + (cell.acks().equals("0") ? NO_BROKER_ANSWER : "")));
		}
		text.append('\n')
			.append(NO_BROKER_ANSWER)
			.append(" `acks=0`: the delivery callback fires once the request is written to the socket, without any ")
			.append("answer from the broker. Its figure is no delivery latency, and a lost record would not show.\n");
		return text.toString();
	}

	private static String table(Report report, Grid grid, Payload payload, int rate, Mode mode, String unit,
			BiFunction<Cell, Report.Summary, String> figure) {
		StringBuilder text = new StringBuilder("\n### ").append(mode.series(payload, rate))
			.append(", ")
			.append(unit)
			.append("\n\n| |");
		StringBuilder rule = new StringBuilder("|---|");
		for (String compression : grid.compressions()) {
			for (String ack : grid.acks()) {
				text.append(' ').append(compression).append(" acks=").append(ack).append(" |");
				rule.append("---:|");
			}
		}
		text.append('\n').append(rule).append('\n');
		for (Grid.Row row : grid.rows()) {
			text.append("| ").append(row.label()).append(" |");
			for (String compression : grid.compressions()) {
				for (String ack : grid.acks()) {
					Cell cell = new Cell(ack, row.batchSize(), row.lingerMs(), compression);
					Optional<Report.Summary> summary = mode.summary(report, payload, rate, cell);
					text.append(' ').append(figure(summary, payload, cell, figure)).append(" |");
				}
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static String figure(Optional<Report.Summary> summary, Payload payload, Cell cell,
			BiFunction<Cell, Report.Summary, String> figure) {
		if (summary.isEmpty()) {
			return "–";
		}
		String value = figure.apply(cell, summary.get());
		if (summary.get().errors() > 0) {
			value += " (" + summary.get().errors() + " errors)";
		}
		return cell.equals(payload.shipped()) ? "**" + value + "**" : value;
	}

	private static String p99(Report.Summary summary) {
		double p99 = summary.latency().p99();
		if (Double.isNaN(p99)) {
			return "–";
		}
		return String.format(Locale.ROOT, (p99 < 10) ? "%.2f" : "%.1f", p99);
	}

}
