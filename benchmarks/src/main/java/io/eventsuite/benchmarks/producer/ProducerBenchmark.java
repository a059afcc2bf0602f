package io.eventsuite.benchmarks.producer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.JavaProcess;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;
import io.eventsuite.benchmarks.harness.RunTopics;
import io.eventsuite.benchmarks.harness.Target;
import io.eventsuite.test.KafkaCluster;

/**
 * Target 1: publishing through the suite ({@code EventPublisher}, CloudEvents) reaches at
 * least 85% of Kafka's own {@code ProducerPerformance} throughput, with identical
 * producer settings and the same bytes per record, on a broker of its own. Each side runs
 * in a fresh JVM; the runs alternate and the median of the rounds counts.
 */
public final class ProducerBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("records", "warmup-records", "warmup-rounds", "rounds", "jfr",
			"out");

	static final String SERIES = "unthrottled";

	static final String REFERENCE = "ProducerPerformance";

	static final String DIAGNOSTIC = "KafkaTemplate, bytes";

	static final String CONTENDER = "EventPublisher, CloudEvents";

	/** How many threads the diagnostic sends from, as a service's request threads do. */
	static final int SENDING_THREADS = 2;

	static final String THREADED = "EventPublisher, CloudEvents, " + SENDING_THREADS + " threads";

	/** Target 1. */
	static final Target.Share TARGET = new Target.Share("target 1", SERIES, CONTENDER, REFERENCE, 0.85);

	private static final Logger log = LoggerFactory.getLogger(ProducerBenchmark.class);

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

	private final int records;

	private final int warmupRecords;

	private final int warmupRounds;

	private final int rounds;

	private final Path work;

	private final boolean profile;

	private ProducerBenchmark(int records, int warmupRecords, int warmupRounds, int rounds, Path work,
			boolean profile) {
		ProducerPerformanceRun.checkCounts(records, warmupRecords);
		this.records = records;
		this.warmupRecords = warmupRecords;
		this.warmupRounds = warmupRounds;
		this.rounds = rounds;
		this.work = work;
		this.profile = profile;
	}

	/**
	 * Runs the benchmark.
	 * @param options {@code --records} timed per run (1,000,000),
	 * {@code --warmup-records} sent first in each run and not timed, so that the JIT is
	 * warm (200,000; 0 for none), {@code --warmup-rounds} run and not counted, because a
	 * fresh broker on two cores keeps getting faster for minutes (2), {@code --rounds}
	 * (5), {@code --jfr=true} to record a Java Flight Recording of every side's JVM
	 * (beside its log, under {@code eventsuite.logs})
	 * @return the report, not yet written
	 */
	public static Report run(Options options) {
		Path work = Path.of(System.getProperty("eventsuite.logs"), "producer-" + System.currentTimeMillis());
		return new ProducerBenchmark(options.intValue("records", 1_000_000),
				options.intValue("warmup-records", 200_000), options.intValue("warmup-rounds", 2),
				options.intValue("rounds", 5), work, Boolean.parseBoolean(options.string("jfr", "false")))
			.run();
	}

	private Report run() {
		Machine machine = Machine.current();
		int recordBytes = OrderEvents.averageRecordBytes();
		ProducerSettings settings = ProducerSettings.ORDER_SERVICE;
		List<Measurement> measurements = new ArrayList<>();
		try (KafkaCluster broker = KafkaCluster.start(1)) {
			Path config = settings.write(broker.bootstrapServers(), this.work.resolve("producer.properties"));
			for (int round = 1; round <= this.warmupRounds; round++) {
				round(broker, "Warm-up round " + round + "/" + this.warmupRounds, "w" + round, 0, recordBytes, config);
			}
			for (int round = 1; round <= this.rounds; round++) {
				measurements.addAll(round(broker, "Round " + round + "/" + this.rounds, String.valueOf(round), round,
						recordBytes, config));
			}
		}
		List<String> lines = List.of(
				"producer settings, one file for both sides: " + settings + "; the rest at Kafka's defaults",
				String.format(Locale.ROOT,
						"%,d timed records per run of %d bytes: an OrderPlaced as the suite writes it (order-id key, "
								+ "JSON value, CloudEvents headers); ProducerPerformance sends --record-size %d "
								+ "values without key or headers",
						this.records, recordBytes, recordBytes),
				"a fresh topic per run (6 partitions, 1 replica) on one KRaft broker (Kafka's own server, "
						+ "a JVM of its own, -Xmx384m)",
				String.format(Locale.ROOT,
						"each run in a fresh JVM (-Xms512m -Xmx512m, G1), as fast as the producer takes records: "
								+ "%,d records warm up the JIT and the broker, then %,d are timed (ProducerPerformance: "
								+ "its own --warmup-records and steady-state summary); latency from send() to the "
								+ "delivery callback",
						this.warmupRecords, this.records),
				String.format(Locale.ROOT,
						"warm-up rounds: %d, not counted (a fresh broker on two cores keeps getting faster for "
								+ "minutes); then rounds: %d, each running the three in turn; the median counts",
						this.warmupRounds, this.rounds));
		return new Report("producer", "Producer: the suite's publishing against Kafka's ProducerPerformance", machine,
				lines, measurements, List.of(TARGET), SERIES, SERIES);
	}

	private List<Measurement> round(KafkaCluster broker, String label, String prefix, int round, int recordBytes,
			Path config) {
		return List.of(
				measure(broker, label, prefix, round, REFERENCE, Role.REFERENCE,
						(topic, output, started) -> producerPerformance(topic, recordBytes, config, output, started)),
				measure(broker, label, prefix, round, DIAGNOSTIC, Role.DIAGNOSTIC,
						(topic, output, started) -> publisherRun(PublisherRun.TEMPLATE_BYTES, topic, recordBytes,
								config, 1, output, started)),
				measure(broker, label, prefix, round, CONTENDER, Role.CONTENDER,
						(topic, output, started) -> publisherRun(PublisherRun.EVENT_PUBLISHER, topic, recordBytes,
								config, 1, output, started)),
				measure(broker, label, prefix, round, THREADED, Role.DIAGNOSTIC,
						(topic, output, started) -> publisherRun(PublisherRun.EVENT_PUBLISHER, topic, recordBytes,
								config, SENDING_THREADS, output, started)));
	}

	private Measurement measure(KafkaCluster broker, String label, String prefix, int round, String variant, Role role,
			Side side) {
		String slug = variant.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
		String topic = "bench-" + slug + prefix;
		RunTopics.create(broker, topic);
		try {
			// The producer's JVM is followed from its start to its exit, its warm-up
			// records included, and the broker metered over the same time: both count at
			// the run's average per record sent.
			Measurement measurement;
			try (CpuMeter meter = CpuMeter.start(CpuMeter.brokers(broker))) {
				PublisherRun.Result result = side.run(topic, this.work.resolve(prefix + "-" + slug + ".log"),
						(process) -> meter.follow(CpuMeter.PRODUCER, process));
				measurement = result.as(variant, role, round)
					.withCpu(meter.stop().timedPart(this.records, this.warmupRecords));
			}
			log.info(String.format(Locale.ROOT, "%s, %s: %,.0f records/s, p99 %.1f ms%s", label, variant,
					measurement.perSecond(), measurement.latency().p99(), measurement.cpuLogSuffix("record")));
			return measurement;
		}
		finally {
			RunTopics.delete(broker, topic);
		}
	}

	private PublisherRun.Result producerPerformance(String topic, int recordBytes, Path config, Path output,
			Consumer<ProcessHandle> started) {
		ProducerPerformanceOutput summary = ProducerPerformanceRun.run(topic, this.records, this.warmupRecords,
				recordBytes, config, output, this.profile, started);
		return new PublisherRun.Result(summary.records(), 0, summary.records() / summary.perSecond(),
				summary.latency());
	}

	private PublisherRun.Result publisherRun(String mode, String topic, int recordBytes, Path config, int threads,
			Path output, Consumer<ProcessHandle> started) {
		Path result = output.resolveSibling(output.getFileName() + ".properties");
		int status = JavaProcess.run(PublisherRun.class.getName(),
				List.of("--mode=" + mode, "--producer-config=" + config, "--topic=" + topic,
						"--records=" + this.records, "--warmup-records=" + this.warmupRecords,
						"--record-size=" + recordBytes, "--threads=" + threads, "--result=" + result),
				output, RUN_TIMEOUT, this.profile, started);
		if (status != 0) {
			throw new IllegalStateException(
					mode + " exited with " + status + ": " + ProducerPerformanceRun.lines(output));
		}
		return PublisherRun.Result.read(result);
	}

	@FunctionalInterface
	private interface Side {

		PublisherRun.Result run(String topic, Path output, Consumer<ProcessHandle> started);

	}

}
