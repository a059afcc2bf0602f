package io.eventsuite.benchmarks.tuning;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.eventsuite.benchmarks.harness.Options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GridTests {

	@Test
	void defaultGridHoldsTheProfileEachServiceShipsWith() {
		Grid grid = Grid.of(Options.of(Map.of()));

		assertThat(grid.payloads()).containsExactly(Payload.ORDER, Payload.ACTIVITY);
		assertThat(grid.cells()).hasSize(4 * 3 * 3)
			.contains(Payload.ORDER.shipped(), Payload.ACTIVITY.shipped())
			.doesNotHaveDuplicates();
	}

	@Test
	void fullGridIsEveryCombinationOfTheIssue() {
		Grid grid = Grid.of(Options.of(Map.of("full", "true")));

		assertThat(grid.cells()).hasSize(81).doesNotHaveDuplicates();
		assertThat(grid.cells()).extracting(Cell::batchSize).containsOnly(16_384, 65_536, 262_144);
		assertThat(grid.cells()).extracting(Cell::lingerMs).containsOnly(0, 5, 20);
	}

	@Test
	void oneAcksGroupIsItsRowsTimesItsCompressionsInTableOrder() {
		Grid grid = Grid.of(Options.of(Map.of("rows", "16k:5, 65536:20", "compressions", "none,zstd", "acks", "1")));

		assertThat(grid.cells("1")).extracting(Cell::label)
			.containsExactly("acks=1 none b16k l5", "acks=1 zstd b16k l5", "acks=1 none b64k l20",
					"acks=1 zstd b64k l20");
		assertThat(grid.cells()).isEqualTo(grid.cells("1"));
	}

	@Test
	void aCellCrossesTheCommandLineUnchanged() {
		Cell cell = new Cell("all", 262_144, 20, "zstd");

		assertThat(Cell.parse(cell.arg())).isEqualTo(cell);
		assertThat(cell.label()).isEqualTo("acks=all zstd b256k l20");
	}

	@Test
	void rejectsWhatKafkaWouldRejectBeforeABrokerStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Grid.of(Options.of(Map.of("compressions", "snappy2"))))
			.withMessageContaining("compression");
		assertThatIllegalArgumentException().isThrownBy(() -> Grid.of(Options.of(Map.of("acks", "-1"))))
			.withMessageContaining("acks");
		assertThatIllegalArgumentException().isThrownBy(() -> Grid.of(Options.of(Map.of("rows", "16k"))))
			.withMessageContaining("batch:linger");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Grid.of(Options.of(Map.of("full", "true", "rows", "16k:5"))));
	}

}
