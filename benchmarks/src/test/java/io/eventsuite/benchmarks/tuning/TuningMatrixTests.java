package io.eventsuite.benchmarks.tuning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;

import static org.assertj.core.api.Assertions.assertThat;

class TuningMatrixTests {

	private static final int RATE = 5_000;

	// Order payload only: order-service's row with and without linger, two compressions,
	// acks 0 and all.
	private static final Grid GRID = Grid.of(Options
		.of(Map.of("payloads", "order", "rows", "16k:0,16k:5", "compressions", "none,lz4", "acks", "0,all")));

	@Test
	void pivotsRowsOfBatchAndLingerAgainstColumnsOfCompressionAndAcks() {
		String markdown = TuningMatrix
			.markdown(report(List.of(result(new Cell("all", 16_384, 0, "none"), Mode.UNTHROTTLED, 150_000, 900),
					result(new Cell("all", 16_384, 0, "none"), Mode.RATED, 5_000, 12.34),
					result(new Cell("0", 16_384, 5, "lz4"), Mode.UNTHROTTLED, 210_000, 400),
					result(new Cell("0", 16_384, 5, "lz4"), Mode.RATED, 5_000, 0.42)), 1), GRID, RATE);

		assertThat(markdown).contains("### order, max throughput, records/s\n\n"
				+ "| | none acks=0 | none acks=all | lz4 acks=0 | lz4 acks=all |\n|---|---:|---:|---:|---:|\n"
				+ "| b16k l0 | – | **150,000** | – | – |\n| b16k l5 | – | – | 210,000 | – |\n");
		assertThat(markdown).contains("### order, 5,000/s, p99 ms\n\n"
				+ "| | none acks=0 | none acks=all | lz4 acks=0 | lz4 acks=all |\n|---|---:|---:|---:|---:|\n"
				+ "| b16k l0 | – | **12.3** | – | – |\n| b16k l5 | – | – | 0.42† | – |\n");
		assertThat(markdown).contains("† `acks=0`: the delivery callback fires once the request is written");
	}

	@Test
	void eachFigureIsTheMedianOfItsRoundsAndErrorsShow() {
		Cell cell = new Cell("0", 16_384, 0, "none");
		List<Measurement> runs = List.of(result(cell, Mode.UNTHROTTLED, 100_000, 1).measurement(RATE, 1),
				result(cell, Mode.UNTHROTTLED, 300_000, 1).measurement(RATE, 2),
				new CellResult(Payload.ORDER, cell, Mode.UNTHROTTLED, 200_000, 3, 1, new Latency(1, 1, 1, 1))
					.measurement(RATE, 3));

		String markdown = TuningMatrix.markdown(report(runs), GRID, RATE);

		assertThat(markdown).contains("| b16k l0 | 200,000 (3 errors) | – |");
	}

	@Test
	void theShippedCellIsTheContenderAndTheCellResultCrossesTheProcessBoundary() {
		CellResult shipped = result(Payload.ORDER.shipped(), Mode.RATED, 5_000, 7.5);

		assertThat(CellResult.parse(shipped.line())).isEqualTo(shipped);
		assertThat(shipped.measurement(RATE, 1).role()).isEqualTo(Role.CONTENDER);
		assertThat(shipped.measurement(RATE, 1).series()).isEqualTo("order, 5,000/s");
		assertThat(result(new Cell("1", 16_384, 5, "none"), Mode.RATED, 5_000, 7.5).measurement(RATE, 1).role())
			.isEqualTo(Role.DIAGNOSTIC);
	}

	@Test
	void chartIsAPng(@TempDir Path directory) throws IOException {
		Report report = report(List.of(result(Payload.ORDER.shipped(), Mode.UNTHROTTLED, 150_000, 900),
				result(Payload.ORDER.shipped(), Mode.RATED, 5_000, 12.34),
				result(new Cell("0", 16_384, 0, "lz4"), Mode.UNTHROTTLED, 210_000, 400),
				result(new Cell("0", 16_384, 0, "lz4"), Mode.RATED, 5_000, 0.0)), 1);

		TuningChart.write(report, GRID, RATE, directory.resolve("matrix.png"));

		assertThat(Files.readAllBytes(directory.resolve("matrix.png"))).hasSizeGreaterThan(5_000)
			.startsWith(0x89, 'P', 'N', 'G');
	}

	private static CellResult result(Cell cell, Mode mode, long count, double p99) {
		return new CellResult(Payload.ORDER, cell, mode, count, 0, 1, new Latency(p99 / 2, p99, p99, p99));
	}

	private static Report report(List<CellResult> results, int round) {
		return report(results.stream().map((result) -> result.measurement(RATE, round)).toList());
	}

	private static Report report(List<Measurement> measurements) {
		return new Report("tuning", "Producer tuning", new Machine(2, 24, "Java 17", "Linux", 0.3), List.of(),
				measurements, List.of(), "order, max throughput", "order, 5,000/s");
	}

}
