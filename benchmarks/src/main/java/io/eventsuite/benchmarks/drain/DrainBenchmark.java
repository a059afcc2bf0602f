package io.eventsuite.benchmarks.drain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.CpuUse;
import io.eventsuite.benchmarks.harness.JavaProcess;
import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;
import io.eventsuite.benchmarks.harness.RunTopics;
import io.eventsuite.benchmarks.harness.Statistic;
import io.eventsuite.benchmarks.harness.Target;
import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceProcess;

/**
 * Target 5: one notification-service instance drains a backlog of order events (consume,
 * build a notification, produce it and commit the offset in one transaction) at ≥ 100,000
 * events/s. The reference is Kafka's {@code ConsumerPerformance} reading the same backlog
 * (consume only). The backlog is written once; each run reads all of it in a consumer
 * group of its own, so every run starts from the same records; the runs alternate and the
 * median counts.
 */
public final class DrainBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("records", "rounds", "max-seconds", "out");

	static final String SERIES = "backlog";

	static final String REFERENCE = "ConsumerPerformance, consume only";

	static final String CONTENDER = "notification-service, consume → notify → produce";

	/**
	 * The contender over the second half of its drain only: the same run, later, with its
	 * JIT further along (a diagnostic; the target is judged on the whole drain).
	 */
	static final String SECOND_HALF = "notification-service, second half";

	/** Target 5. */
	static final Target.Limit TARGET = new Target.Limit("target 5", SERIES, CONTENDER, Statistic.PER_SECOND, 100_000);

	private static final Logger log = LoggerFactory.getLogger(DrainBenchmark.class);

	private static final String ORDERS = "orders";

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

	private final int records;

	private final int rounds;

	private final Duration maxDrain;

	private final Path work;

	private DrainBenchmark(Options options, Path work) {
		this.records = options.intValue("records", 1_000_000);
		this.rounds = options.intValue("rounds", 2);
		this.maxDrain = options.seconds("max-seconds", Duration.ofSeconds(90));
		this.work = work;
	}

	/**
	 * Runs the benchmark.
	 * @param options {@code --records} in the backlog (1,000,000), {@code --rounds} (2),
	 * {@code --max-seconds} after which notification-service's drain is stopped and its
	 * rate is taken over what it drained (90)
	 * @return the report, not yet written
	 * @throws IllegalStateException if the notifications produced differ from the events
	 * notification-service committed
	 */
	public static Report run(Options options) {
		Path work = Path.of(System.getProperty("eventsuite.logs"), "drain-" + System.currentTimeMillis());
		return new DrainBenchmark(options, work).run();
	}

	private Report run() {
		Machine machine = Machine.current();
		List<Measurement> measurements = new ArrayList<>();
		try (KafkaCluster broker = KafkaCluster.start(1)) {
			RunTopics.create(broker, ORDERS);
			long start = System.nanoTime();
			Backlog.write(broker.bootstrapServers(), ORDERS, this.records);
			log.info(String.format(Locale.ROOT, "Backlog of %,d order events written in %.1f s", this.records,
					(System.nanoTime() - start) / 1e9));
			for (int round = 1; round <= this.rounds; round++) {
				String label = String.format(Locale.ROOT, "Round %d/%d", round, this.rounds);
				measurements.add(logged(label, consumerPerformance(broker, round)));
				notificationService(broker, round)
					.forEach((measurement) -> measurements.add(logged(label, measurement)));
			}
		}
		Report report = report(machine, settings(), measurements);
		// The share of the reference is context, not a target: the two do different work.
		List<String> settings = new ArrayList<>(settings());
		settings.add(String.format(Locale.ROOT,
				"notification-service's median is %.2f%% of ConsumerPerformance's (context: it also builds, produces "
						+ "and commits a notification per event)",
				100 * report.summary(SERIES, CONTENDER).medianPerSecond()
						/ report.summary(SERIES, REFERENCE).medianPerSecond()));
		return report(machine, settings, measurements);
	}

	private static Report report(Machine machine, List<String> settings, List<Measurement> measurements) {
		return new Report("drain", "Drain: notification-service working off a backlog of order events", machine,
				settings, measurements, List.of(TARGET), SERIES, SERIES);
	}

	private Measurement consumerPerformance(KafkaCluster broker, int round) {
		Path config = consumerConfig();
		Path output = this.work.resolve(round + "-consumer-performance.log");
		// The tool's JVM from its start to its exit: its start and its group's join
		// count too, over the same records.
		try (CpuMeter meter = CpuMeter.start(CpuMeter.brokers(broker))) {
			int status = JavaProcess.run("org.apache.kafka.tools.ConsumerPerformance",
					List.of("--bootstrap-server", broker.bootstrapServers(), "--topic", ORDERS, "--num-records",
							String.valueOf(this.records), "--group", "consumer-performance-" + round, "--timeout",
							"60000", "--command-config", config.toString()),
					output, RUN_TIMEOUT, false, (process) -> meter.follow(CpuMeter.CONSUMER, process));
			List<String> lines = lines(output);
			if (status != 0) {
				throw new IllegalStateException("ConsumerPerformance exited with " + status + ", see " + output);
			}
			ConsumerPerformanceOutput summary = ConsumerPerformanceOutput.parse(lines);
			if (summary.records() != this.records) {
				throw new IllegalStateException(String.format(Locale.ROOT,
						"ConsumerPerformance read %,d records of a backlog of %,d", summary.records(), this.records));
			}
			return new Measurement(SERIES, REFERENCE, Role.REFERENCE, round, summary.records(), 0,
					summary.fetchSeconds(), summary.fetchPerSecond(), Latency.NONE)
				.withCpu(meter.stop());
		}
	}

	// A fresh consumer group (so it reads the whole backlog) and a fresh notifications
	// topic (so that its notifications can be counted) per run. The whole drain, and its
	// second half when both ends of that were seen.
	private List<Measurement> notificationService(KafkaCluster broker, int round) {
		String group = "notification-service-drain-" + round;
		String notifications = "notifications-drain-" + round;
		GroupProgress.Drain drain;
		CpuUse cpu;
		try (Admin admin = broker.admin();
				ServiceProcess service = ServiceProcess.start("notification-service", broker.bootstrapServers(),
						"--eventsuite.notifications.group-id=" + group,
						"--eventsuite.topics.notifications.name=" + notifications)) {
			// From readiness, so the start's own CPU is left out; what the group
			// committed before its first commit was seen, before the clock starts, is in
			// it.
			CpuMeter meter = CpuMeter.start(CpuMeter.processes(broker, service));
			drain = GroupProgress.drain(admin, group, ORDERS, this.maxDrain);
			cpu = meter.stop();
		}
		long committed;
		try (Admin admin = broker.admin()) {
			// Stopped gracefully: what it committed after the clock stopped counts here
			// too.
			committed = GroupProgress.committed(admin, group);
		}
		long produced = CommittedRecords.count(broker.bootstrapServers(), notifications, Duration.ofMinutes(2));
		if (produced != committed) {
			throw new IllegalStateException(String.format(Locale.ROOT,
					"notification-service committed %,d order events but %,d notifications", committed, produced));
		}
		if (drain.complete() && produced != this.records) {
			throw new IllegalStateException(String.format(Locale.ROOT,
					"notification-service drained a backlog of %,d order events into %,d notifications", this.records,
					produced));
		}
		if (!drain.complete()) {
			log.warn(String.format(Locale.ROOT,
					"Round %d: notification-service was stopped %d s after its first commit, having drained %,d of %,d "
							+ "order events; its rate is over the %,d it drained while timed",
					round, this.maxDrain.toSeconds(), committed, this.records, drain.records()));
		}
		Measurement whole = new Measurement(SERIES, CONTENDER, Role.CONTENDER, round, drain.records(), 0,
				drain.seconds(), drain.perSecond(), Latency.NONE)
			.withCpu(cpu);
		if (!drain.secondHalfTimed()) {
			return List.of(whole);
		}
		return List.of(whole, new Measurement(SERIES, SECOND_HALF, Role.DIAGNOSTIC, round, drain.secondHalfRecords(), 0,
				drain.secondHalfSeconds(), drain.secondHalfPerSecond(), Latency.NONE));
	}

	// The consumer settings notification-service runs with that matter to reading.
	private Path consumerConfig() {
		Path file = this.work.resolve("consumer.properties");
		try {
			Files.createDirectories(this.work);
			Files.write(file,
					List.of("isolation.level=read_committed", "group.protocol=consumer", "auto.offset.reset=earliest"));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> settings() {
		return List.of(String.format(Locale.ROOT,
				"a backlog of %,d OrderPlaced events as order-service writes them (CloudEvents headers, JSON, keyed "
						+ "by order id) in orders (6 partitions, 1 replica) on one KRaft broker (Kafka's own "
						+ "server, a JVM of its own, -Xmx384m), written once before the first run",
				this.records),
				"reference: ConsumerPerformance (a fresh JVM, -Xmx512m), read_committed, group.protocol=consumer, "
						+ "a group of its own per run; its figure is its fetch rate, which leaves out joining the "
						+ "group",
				String.format(Locale.ROOT,
						"contender: one notification-service from its own jar (-Xmx256m) as shipped (a Kafka "
								+ "transaction per poll of up to 2,000 order events: notifications and offsets committed together), in a "
								+ "group and with a notifications topic of its own per run; timed from the first "
								+ "offset commit an admin client sees (polled every 100 ms) until the group has "
								+ "committed every partition's end, so start-up and joining are left out; a run not "
								+ "done after %d s is stopped and its rate taken over what it drained; the "
								+ "notifications a read_committed reader sees must equal the events committed",
						this.maxDrain.toSeconds()),
				String.format(Locale.ROOT, "rounds: %d, the two in turn; the median counts", this.rounds),
				"diagnostic: the contender's second half, the same run timed from when half of what was left at "
						+ "its first commit had been committed (the JIT further along; shown when both ends of it "
						+ "were seen, which a very short run may not give)");
	}

	private static List<String> lines(Path output) {
		try {
			return Files.readAllLines(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Measurement logged(String label, Measurement measurement) {
		log.info(String.format(Locale.ROOT, "%s, %s: %,d events in %.2f s, %,.0f events/s%s", label,
				measurement.variant(), measurement.count(), measurement.seconds(), measurement.perSecond(),
				measurement.cpuLogSuffix("event")));
		return measurement;
	}

}
