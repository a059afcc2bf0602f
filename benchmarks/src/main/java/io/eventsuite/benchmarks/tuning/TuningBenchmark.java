package io.eventsuite.benchmarks.tuning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.JavaProcess;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.RunTopics;
import io.eventsuite.test.KafkaCluster;

/**
 * The producer-tuning matrix: for each payload and each cell of {@code batch.size} ×
 * {@code linger.ms} × {@code compression.type} × {@code acks}, the producer's maximum
 * throughput and its p99 latency at a fixed moderate rate, on a broker of its own. There
 * is no target: the cells the services ship with are the contenders, every other cell a
 * diagnostic, and a pivot table ({@code tuning-matrix.md}) and a chart
 * ({@code tuning-matrix.png}) show where they stand.
 */
public final class TuningBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("full", "rows", "compressions", "acks", "payloads", "rate",
			"seconds", "warmup", "jvm-warmup", "rounds", "brokers", "out");

	static final String NAME = "tuning";

	private static final Logger log = LoggerFactory.getLogger(TuningBenchmark.class);

	private final Grid grid;

	private final int rate;

	private final Duration seconds;

	private final Duration warmup;

	private final Duration jvmWarmup;

	private final int rounds;

	private final int brokers;

	private final Path work;

	private TuningBenchmark(Grid grid, Options options) {
		this.grid = grid;
		this.rate = options.intValue("rate", 5_000);
		this.seconds = options.seconds("seconds", Duration.ofSeconds(1));
		this.warmup = options.seconds("warmup", Duration.ofMillis(250));
		this.jvmWarmup = options.seconds("jvm-warmup", Duration.ofSeconds(2));
		this.rounds = options.intValue("rounds", 1);
		this.brokers = options.intValue("brokers", 1);
		this.work = Path.of(System.getProperty("eventsuite.logs"), "tuning-" + System.currentTimeMillis());
		if (this.brokers != 1 && this.brokers != 3) {
			throw new IllegalArgumentException("--brokers is 1 or 3, not " + this.brokers);
		}
	}

	/**
	 * Runs the matrix and writes its pivot tables and chart; the report's own table, CSV
	 * and chart are written by the caller.
	 * @param options the grid ({@code --full=true}, {@code --rows},
	 * {@code --compressions}, {@code --acks}, {@code --payloads}, see {@link Grid#of}),
	 * {@code --rate} of the latency measurement (5,000 records/s), {@code --seconds}
	 * timed per cell and mode (1), {@code --warmup} before each (0.25),
	 * {@code --jvm-warmup} per producer JVM (2), {@code --rounds} of the whole grid,
	 * whose medians count (1), {@code --brokers} 1 or 3 (three: replication factor 3,
	 * {@code min.insync.replicas=2}), {@code --out}
	 * @return the report, not yet written
	 */
	public static Report run(Options options) {
		TuningBenchmark benchmark = new TuningBenchmark(Grid.of(options), options);
		Report report = benchmark.run();
		Path out = options.path("out", Path.of(System.getProperty("eventsuite.jars"), "benchmarks", "results"));
		try {
			Files.createDirectories(out);
			Files.writeString(out.resolve(NAME + "-matrix.md"),
					TuningMatrix.markdown(report, benchmark.grid, benchmark.rate), StandardCharsets.UTF_8);
			TuningChart.write(report, benchmark.grid, benchmark.rate, out.resolve(NAME + "-matrix.png"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return report;
	}

	private Report run() {
		Machine machine = Machine.current();
		List<Measurement> measurements = new ArrayList<>();
		try (KafkaCluster cluster = KafkaCluster.start(this.brokers)) {
			for (int round = 1; round <= this.rounds; round++) {
				for (Payload payload : this.grid.payloads()) {
					for (String ack : this.grid.acks()) {
						for (CellResult result : group(cluster, payload, ack, round)) {
							measurements.add(result.measurement(this.rate, round));
						}
					}
				}
			}
		}
		Payload first = this.grid.payloads().get(0);
		return new Report(NAME, "Producer tuning: batch.size × linger.ms × compression.type × acks", machine,
				settings(), measurements, List.of(), Mode.UNTHROTTLED.series(first, this.rate),
				Mode.RATED.series(first, this.rate));
	}

	private List<CellResult> group(KafkaCluster cluster, Payload payload, String ack, int round) {
		// Each round starts at another cell: the first cell after the JVM's warm-up may
		// still
		// pay for JIT compilation, and over rounds no cell always does.
		List<Cell> cells = new ArrayList<>(this.grid.cells(ack));
		Collections.rotate(cells, -(round - 1));
		String name = "r" + round + "-" + payload.id() + "-acks-" + ack;
		String topic = "tuning-" + name;
		Path output = this.work.resolve(name + ".log");
		Path result = this.work.resolve(name + ".tsv");
		RunTopics.create(cluster, topic(topic));
		log.info("Round {}/{}: {} payload, acks={}, {} cells", round, this.rounds, payload.id(), ack, cells.size());
		try {
			int status = JavaProcess.run(TuningRun.class.getName(), List.of("--payload=" + payload.id(),
					"--bootstrap=" + cluster.bootstrapServers(), "--topic=" + topic,
					"--cells=" + cells.stream().map(Cell::arg).collect(Collectors.joining(",")), "--rate=" + this.rate,
					"--seconds=" + seconds(this.seconds), "--warmup=" + seconds(this.warmup),
					"--jvm-warmup=" + seconds(this.jvmWarmup), "--result=" + result), output, timeout(cells.size()),
					false);
			if (status != 0) {
				throw new IllegalStateException("The producer JVM exited with " + status + ", see " + output);
			}
			return Files.readAllLines(result, StandardCharsets.UTF_8).stream().map(CellResult::parse).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			RunTopics.delete(cluster, topic);
		}
	}

	// orders' layout; on three brokers as a service's topic would be replicated there.
	private NewTopic topic(String name) {
		if (this.brokers == 1) {
			return new NewTopic(name, 6, (short) 1);
		}
		return new NewTopic(name, 6, (short) 3).configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
	}

	private Duration timeout(int cells) {
		Duration perCell = this.warmup.plus(this.seconds).plusSeconds(10).multipliedBy(Mode.values().length);
		return perCell.multipliedBy(cells).plus(this.jvmWarmup).plusMinutes(2);
	}

	private List<String> settings() {
		List<String> lines = new ArrayList<>();
		lines.add("grid: rows (batch.size, linger.ms) " + this.grid.rows().stream().map(Grid.Row::label).toList()
				+ " × compression.type " + this.grid.compressions() + " × acks " + this.grid.acks()
				+ "; the rest of the producer's settings at Kafka's defaults (buffer.memory 32 MB; idempotence on "
				+ "with acks=all, off by itself otherwise, as in the services)");
		for (Payload payload : this.grid.payloads()) {
			lines.add(String.format(Locale.ROOT,
					"%s payload: %d bytes a record as the suite writes it (key, JSON value, CloudEvents headers), "
							+ "%,d distinct records serialized before timing and sent in turn; %s ships %s "
							+ "(the contender; every other cell is a diagnostic)",
					payload.id(), payload.averageRecordBytes(), TuningRun.DISTINCT_RECORDS, payload.service(),
					payload.shipped().label()));
		}
		lines.add(String.format(Locale.ROOT,
				"max throughput: send() as fast as it returns; deliveries in %s s after %s s of warm-up count, "
						+ "then the producer is closed at once (its buffer is not drained)",
				seconds(this.seconds), seconds(this.warmup)));
		lines.add(String.format(Locale.ROOT,
				"%,d/s: open-loop for %s s after %s s of warm-up, latency from when each record was due to its "
						+ "delivery callback; with acks=0 the callback fires when the request is written, without "
						+ "any answer from the broker, so that figure is no delivery latency",
				this.rate, seconds(this.seconds), seconds(this.warmup)));
		lines.add(String.format(Locale.ROOT,
				"one producer JVM per payload and acks (-Xms512m -Xmx512m, G1), %s s unthrottled warm-up first, "
						+ "a fresh KafkaProducer per cell and mode, every cell unthrottled first, then (after a "
						+ "second at the rate to let the broker settle) every cell at the rate; each round starts at "
						+ "another cell; a fresh topic per JVM, 6 partitions, on %s",
				seconds(this.jvmWarmup), (this.brokers == 1) ? "one KRaft broker (replication factor 1)"
						: "three KRaft brokers (replication factor 3, min.insync.replicas=2)"));
		lines.add("rounds: " + this.rounds + " over the whole grid; the median counts");
		return lines;
	}

	private static String seconds(Duration duration) {
		return String.valueOf(duration.toMillis() / 1000.0);
	}

}
