package io.eventsuite.benchmarks.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.eventsuite.benchmarks.harness.Options;

/**
 * Which cells a run measures: every combination of its rows ({@code batch.size} and
 * {@code linger.ms} together), compressions and {@code acks}, for each payload.
 * <p>
 * The full matrix (3 batch sizes × 3 lingers × 3 compressions × 3 acks × 2 payloads, 162
 * cells) takes about nine minutes on two cores; by default four of its nine rows run,
 * every compression and every {@code acks} in each: the two rows the services ship with,
 * a row of lower latency (no linger) and one of larger batches.
 *
 * @param payloads what is sent
 * @param rows the batch size and linger pairs
 * @param compressions the values of {@code compression.type}
 * @param acks the values of {@code acks}
 */
record Grid(List<Payload> payloads, List<Row> rows, List<String> compressions, List<String> acks) {

	/** The batch sizes of the full matrix. */
	static final List<Integer> BATCH_SIZES = List.of(16 * 1024, 64 * 1024, 256 * 1024);

	/** The lingers of the full matrix. */
	static final List<Integer> LINGERS = List.of(0, 5, 20);

	/**
	 * The default rows: order-service's ({@code b16k l0}) with Kafka 4's default linger
	 * beside it ({@code b16k l5}), activity-tracker's ({@code b64k l20}) with larger
	 * batches beside it ({@code b256k l20}).
	 */
	static final List<Row> DEFAULT_ROWS = List.of(new Row(16 * 1024, 0), new Row(16 * 1024, 5), new Row(64 * 1024, 20),
			new Row(256 * 1024, 20));

	Grid {
		payloads = List.copyOf(payloads);
		rows = List.copyOf(rows);
		compressions = List.copyOf(compressions);
		acks = List.copyOf(acks);
		// Better said before a broker starts than by the producer's JVM.
		if (!Cell.ACKS.containsAll(acks)) {
			throw new IllegalArgumentException("acks must be among " + Cell.ACKS + ", not " + acks);
		}
		if (!Cell.COMPRESSIONS.containsAll(compressions)) {
			throw new IllegalArgumentException(
					"compressions must be among " + Cell.COMPRESSIONS + ", not " + compressions);
		}
		if (payloads.isEmpty() || rows.isEmpty() || compressions.isEmpty() || acks.isEmpty()) {
			throw new IllegalArgumentException("An empty grid");
		}
	}

	/**
	 * The grid the options ask for.
	 * @param options {@code --full=true} for every row, or {@code --rows=16k:5,64k:20}
	 * (batch size, {@code k} for KB, and linger ms);
	 * {@code --compressions=none,lz4,zstd}, {@code --acks=0,1,all},
	 * {@code --payloads=order,activity}
	 * @return the grid
	 */
	static Grid of(Options options) {
		boolean full = Boolean.parseBoolean(options.string("full", "false"));
		String rows = options.string("rows", null);
		if (full && rows != null) {
			throw new IllegalArgumentException("Give --full=true or --rows, not both");
		}
		List<Row> chosen = (rows != null) ? split(rows).stream().map(Row::parse).toList()
				: full ? fullRows() : DEFAULT_ROWS;
		return new Grid(split(options.string("payloads", "order,activity")).stream().map(Payload::of).toList(), chosen,
				split(options.string("compressions", String.join(",", Cell.COMPRESSIONS))),
				split(options.string("acks", String.join(",", Cell.ACKS))));
	}

	/**
	 * Every row of the full matrix.
	 * @return batch sizes × lingers
	 */
	static List<Row> fullRows() {
		List<Row> rows = new ArrayList<>();
		BATCH_SIZES.forEach((batch) -> LINGERS.forEach((linger) -> rows.add(new Row(batch, linger))));
		return rows;
	}

	/**
	 * The cells of one {@code acks}, as one producer JVM runs them.
	 * @param ack the {@code acks} value
	 * @return rows × compressions, in order
	 */
	List<Cell> cells(String ack) {
		List<Cell> cells = new ArrayList<>();
		for (Row row : this.rows) {
			for (String compression : this.compressions) {
				cells.add(new Cell(ack, row.batchSize(), row.lingerMs(), compression));
			}
		}
		return cells;
	}

	/**
	 * Every cell of one payload.
	 * @return the cells, grouped by {@code acks}
	 */
	List<Cell> cells() {
		return this.acks.stream().flatMap((ack) -> cells(ack).stream()).toList();
	}

	private static List<String> split(String list) {
		return Arrays.stream(list.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	/**
	 * A row of the matrix.
	 *
	 * @param batchSize {@code batch.size} in bytes
	 * @param lingerMs {@code linger.ms}
	 */
	record Row(int batchSize, int lingerMs) {

		/**
		 * Reads a row.
		 * @param text for example {@code 64k:20} or {@code 65536:20}
		 * @return the row
		 */
		static Row parse(String text) {
			String[] parts = text.split(":");
			if (parts.length != 2) {
				throw new IllegalArgumentException("Not a row (batch:linger, e.g. 64k:20): " + text);
			}
			String batch = parts[0].toLowerCase(Locale.ROOT);
			int batchSize = batch.endsWith("k") ? Integer.parseInt(batch.substring(0, batch.length() - 1)) * 1024
					: Integer.parseInt(batch);
			return new Row(batchSize, Integer.parseInt(parts[1]));
		}

		String label() {
			return Cell.rowLabel(this.batchSize, this.lingerMs);
		}

	}

}
