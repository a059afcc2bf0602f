package io.eventsuite.benchmarks.tuning;

import java.util.Locale;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Role;

/**
 * What one cell measured in one mode, passed from the producer's JVM to the harness as
 * one tab-separated line.
 *
 * @param payload what was sent
 * @param cell the settings
 * @param mode unthrottled or at the fixed rate
 * @param count records acknowledged in the timed window (with {@code acks=0}: written to
 * the socket)
 * @param errors records that failed in the window
 * @param seconds the timed window
 * @param latency {@code send()} to the delivery callback
 */
record CellResult(Payload payload, Cell cell, Mode mode, long count, long errors, double seconds, Latency latency) {

	static CellResult parse(String line) {
		String[] fields = line.split("\t");
		if (fields.length != 10) {
			throw new IllegalArgumentException("Not a cell result: " + line);
		}
		return new CellResult(Payload.of(fields[0]), Cell.parse(fields[1]), Mode.valueOf(fields[2]),
				Long.parseLong(fields[3]), Long.parseLong(fields[4]), Double.parseDouble(fields[5]),
				new Latency(Double.parseDouble(fields[6]), Double.parseDouble(fields[7]), Double.parseDouble(fields[8]),
						Double.parseDouble(fields[9])));
	}

	String line() {
		return String.join("\t", this.payload.id(), this.cell.arg(), this.mode.name(), String.valueOf(this.count),
				String.valueOf(this.errors), String.valueOf(this.seconds), String.valueOf(this.latency.p50()),
				String.valueOf(this.latency.p99()), String.valueOf(this.latency.p999()),
				String.valueOf(this.latency.max()));
	}

	/**
	 * As a run of the report: the shipped profile of the payload's service is the
	 * contender, every other cell a diagnostic.
	 * @param rate the fixed rate, which names the series
	 * @param round which repetition of the grid
	 * @return the measurement
	 */
	Measurement measurement(int rate, int round) {
		Role role = this.cell.equals(this.payload.shipped()) ? Role.CONTENDER : Role.DIAGNOSTIC;
		return new Measurement(this.mode.series(this.payload, rate), this.cell.label(), role, round, this.count,
				this.errors, this.seconds, this.count / this.seconds, this.latency);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s %s %s: %,.0f records/s, p99 %.2f ms, %d errors", this.payload.id(),
				this.cell.label(), this.mode, this.count / this.seconds, this.latency.p99(), this.errors);
	}

}
