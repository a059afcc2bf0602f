package io.eventsuite.benchmarks.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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
import io.eventsuite.benchmarks.http.ConsumerLag;
import io.eventsuite.benchmarks.http.HttpBenchmark;
import io.eventsuite.benchmarks.http.LoadGenerator;
import io.eventsuite.benchmarks.http.LoadRequest;
import io.eventsuite.benchmarks.http.LoadResult;
import io.eventsuite.benchmarks.producer.OrderEvents;
import io.eventsuite.benchmarks.producer.ProducerPerformanceOutput;
import io.eventsuite.benchmarks.producer.ProducerSettings;
import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceProcess;

/**
 * Target 4: at a fixed open-loop rate of orders, the latency from each
 * {@code POST /api/orders}' intended send time until notification-service's notification
 * of it is committed and visible to a {@code read_committed} reader. On one broker, p50 ≤
 * 5 ms and p99 ≤ 25 ms; on three (RF 3, min ISR 2), p99 ≤ 1.5 × the p99 of Kafka's own
 * {@code ProducerPerformance} at the same rate with order-service's producer settings.
 * Kafka's {@code EndToEndLatency} (one record at a time, produce to consume) runs beside
 * them as the floor of a round trip through the broker. The three alternate in each
 * round; the median of the rounds counts.
 */
public final class LatencyBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("rate", "seconds", "warmup", "rounds", "brokers", "e2e-records",
			"wait", "out");

	static final String PRODUCER_PERFORMANCE = "ProducerPerformance, send → ack";

	static final String END_TO_END_LATENCY = "EndToEndLatency, one at a time";

	static final String CONTENDER = "order → notification committed";

	static final String HANDLED = "order → notification handled";

	static final String ACCEPTED = "order → 202";

	private static final Logger log = LoggerFactory.getLogger(LatencyBenchmark.class);

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

	/** What ProducerPerformance sends first in each run, not timed: its JIT warms up. */
	private static final Duration PRODUCER_PERFORMANCE_WARMUP = Duration.ofSeconds(2);

	private static final int MAX_IN_FLIGHT = 256;

	/** The longest wait for the services to finish the work of the run before. */
	private static final Duration IDLE = Duration.ofSeconds(20);

	private static final String PRODUCER_PERFORMANCE_TOPIC = "bench-producer-performance";

	private static final String END_TO_END_TOPIC = "bench-end-to-end";

	private final double rate;

	private final Duration duration;

	private final Duration warmup;

	private final int rounds;

	private final List<Integer> brokers;

	private final int endToEndRecords;

	private final Duration wait;

	private final Path work;

	private final int recordBytes = OrderEvents.averageRecordBytes();

	private final List<String> saturated = new ArrayList<>();

	private LatencyBenchmark(Options options, Path work) {
		this.rate = options.doubleValue("rate", 1000);
		this.duration = options.seconds("seconds", Duration.ofSeconds(8));
		// Three minutes: after one, on two busy cores, the four JVMs' compilers were
		// still
		// taking half a core, and order-service 1.4 times the CPU per order it takes
		// after
		// three (docs/benchmarks.md, target 4).
		this.warmup = options.seconds("warmup", Duration.ofSeconds(180));
		this.rounds = options.intValue("rounds", 3);
		this.brokers = Arrays.stream(options.string("brokers", "1,3").split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
		this.endToEndRecords = options.intValue("e2e-records", 500);
		this.wait = options.seconds("wait", Duration.ofSeconds(10));
		this.work = work;
	}

	/**
	 * Runs the benchmark.
	 * @param options {@code --rate} orders per second, open-loop (1,000),
	 * {@code --seconds} per run (8), {@code --warmup} seconds of orders at the rate
	 * before the first round, not counted (180), {@code --rounds} (3), {@code --brokers}
	 * the cluster sizes, in turn ({@code 1,3}), {@code --e2e-records} records of
	 * {@code EndToEndLatency} per run (500), {@code --wait} seconds for the last
	 * notifications after the last answer before the missing ones count as errors (10)
	 * @return the report, not yet written
	 */
	public static Report run(Options options) {
		Path work = Path.of(System.getProperty("eventsuite.logs"), "latency-" + System.currentTimeMillis());
		return new LatencyBenchmark(options, work).run();
	}

	private Report run() {
		Machine machine = Machine.current();
		List<Measurement> measurements = new ArrayList<>();
		List<Target> targets = new ArrayList<>();
		for (int size : this.brokers) {
			String series = series(size);
			try {
				measurements.addAll(cluster(size, series));
			}
			// A cluster whose services never got ready is a finding of its own: said in
			// the report, and the other clusters still count.
			catch (IllegalStateException ex) {
				this.saturated.add(String.format(Locale.ROOT, "%s: not measured: %s", series,
						ex.getMessage().lines().findFirst().orElse("")));
				log.warn(this.saturated.get(this.saturated.size() - 1), ex);
				continue;
			}
			if (size == 1) {
				targets.add(new Target.Limit("target 4", series, CONTENDER, Statistic.P50_MS, 5));
				targets.add(new Target.Limit("target 4", series, CONTENDER, Statistic.P99_MS, 25));
			}
			else {
				targets.add(new Target.Multiple("target 4", series, CONTENDER, PRODUCER_PERFORMANCE, Statistic.P99_MS,
						1.5));
			}
		}
		String first = series(this.brokers.get(0));
		return new Report("latency", "End-to-end latency: POST /api/orders to notification-service's notification",
				machine, settings(), measurements, targets, first, first);
	}

	String series(int size) {
		String cluster = (size == 1) ? "1 broker" : String.format(Locale.ROOT, "%d brokers (RF %d, min ISR %d)", size,
				Math.min(3, size), minInSyncReplicas(size));
		return String.format(Locale.ROOT, "%s, %,.0f/s", cluster, this.rate);
	}

	private List<Measurement> cluster(int size, String series) {
		List<Measurement> measurements = new ArrayList<>();
		int replicas = Math.min(3, size);
		String[] topicArgs = topicArgs(replicas, minInSyncReplicas(size));
		try (KafkaCluster cluster = KafkaCluster.start(size);
				ServiceProcess orders = ServiceProcess.start("order-service", cluster.bootstrapServers(), topicArgs);
				ServiceProcess notifications = ServiceProcess.start("notification-service", cluster.bootstrapServers(),
						topicArgs);
				NotificationWatch watch = NotificationWatch.start(cluster.bootstrapServers(), "notifications")) {
			LoadGenerator load = new LoadGenerator();
			RunTopics.create(cluster, PRODUCER_PERFORMANCE_TOPIC, replicas, minInSyncReplicas(size));
			RunTopics.create(cluster, END_TO_END_TOPIC, replicas, minInSyncReplicas(size));
			Path config = ProducerSettings.ORDER_SERVICE.write(cluster.bootstrapServers(),
					this.work.resolve(size + "-producer.properties"));
			List<LoadRequest> posts = HttpBenchmark.posts(orders.client().uri("/api/orders"));
			// Both services' JIT compiles the whole path before anything counts. At the
			// rate that takes about a minute: after 8 s (1,600 orders at 200/s) the 202's
			// p50 was 242 ms, after 60 s 24 ms, the code still in the JIT's profiling
			// tier.
			endToEnd(load, watch, posts, this.warmup);
			Map<String, Long> processes = CpuMeter.processes(cluster, orders, notifications);
			for (int round = 1; round <= this.rounds; round++) {
				String label = String.format(Locale.ROOT, "%s, round %d/%d", series, round, this.rounds);
				measurements
					.add(logged(label, producerPerformance(cluster, config, size + "-" + round).as(series, round)));
				measurements.add(logged(label, endToEndLatency(cluster, size + "-" + round).as(series, round)));
				awaitIdle(cluster);
				CpuMeter meter = CpuMeter.start(processes);
				Contender contender = endToEnd(load, watch, posts, this.duration);
				for (Measurement measurement : contender.as(series, round, meter.stop())) {
					measurements.add(logged(label, measurement));
				}
				if (contender.notifications().missing() > 0) {
					// notification-service falls behind the rate: the next runs would
					// measure the queue it left, and the references would share the
					// cores with it. The cluster's figures end here.
					this.saturated.add(String.format(Locale.ROOT,
							"%s: notification-service did not keep up (%,d of %,d accepted orders not notified %d s "
									+ "after the last answer); the rounds stopped after round %d",
							series, contender.notifications().missing(),
							contender.notifications().matched() + contender.notifications().missing(),
							this.wait.toSeconds(), round));
					log.warn(this.saturated.get(this.saturated.size() - 1));
					break;
				}
			}
		}
		return measurements;
	}

	private Contender endToEnd(LoadGenerator load, NotificationWatch watch, List<LoadRequest> posts,
			Duration duration) {
		LoadResult answers = load.openLoop(posts, this.rate, duration, MAX_IN_FLIGHT, watch::accepted);
		return new Contender(answers, watch.finish(this.wait));
	}

	private Reference producerPerformance(KafkaCluster cluster, Path config, String run) {
		long warmupRecords = Math.round(this.rate * PRODUCER_PERFORMANCE_WARMUP.toSeconds());
		long records = Math.max(1, Math.round(this.rate * this.duration.toMillis() / 1000.0));
		List<String> lines = tool("org.apache.kafka.tools.ProducerPerformance",
				List.of("--topic", PRODUCER_PERFORMANCE_TOPIC, "--num-records", String.valueOf(warmupRecords + records),
						"--warmup-records", String.valueOf(warmupRecords), "--record-size",
						String.valueOf(this.recordBytes), "--throughput", String.valueOf(Math.round(this.rate)),
						"--producer.config", config.toString()),
				run + "-producer-performance.log");
		ProducerPerformanceOutput summary = ProducerPerformanceOutput.parse(lines);
		return new Reference(PRODUCER_PERFORMANCE, summary.records(), summary.perSecond(), summary.latency());
	}

	private Reference endToEndLatency(KafkaCluster cluster, String run) {
		List<String> lines = tool("org.apache.kafka.tools.EndToEndLatency",
				List.of("--bootstrap-server", cluster.bootstrapServers(), "--topic", END_TO_END_TOPIC, "--num-records",
						String.valueOf(this.endToEndRecords), "--producer-acks", "all", "--record-size",
						String.valueOf(this.recordBytes)),
				run + "-end-to-end-latency.log");
		EndToEndLatencyOutput summary = EndToEndLatencyOutput.parse(lines);
		return new Reference(END_TO_END_LATENCY, this.endToEndRecords, summary.perSecond(), summary.latency());
	}

	private List<String> tool(String mainClass, List<String> args, String logName) {
		Path output = this.work.resolve(logName);
		int status = JavaProcess.run(mainClass, args, output, RUN_TIMEOUT, false);
		try {
			List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
			if (status != 0) {
				throw new IllegalStateException(mainClass + " exited with " + status + ", see " + output);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// order-service's Kafka Streams views and notification-service's group finish the
	// work of the run before, so that no run pays for the one before it.
	private static void awaitIdle(KafkaCluster cluster) {
		ConsumerLag.awaitCaughtUp(cluster, "order-service", IDLE);
		ConsumerLag.awaitCaughtUp(cluster, "notification-service", IDLE);
	}

	private static String[] topicArgs(int replicas, int minInSyncReplicas) {
		return Stream.of("orders", "notifications", "chat-messages")
			.flatMap((topic) -> Stream.of("--eventsuite.topics." + topic + ".replicas=" + replicas,
					"--eventsuite.topics." + topic + ".config.min.insync.replicas=" + minInSyncReplicas))
			.toArray(String[]::new);
	}

	private static int minInSyncReplicas(int size) {
		return Math.min(2, size);
	}

	private List<String> settings() {
		List<String> settings = new ArrayList<>(List.of(
				"contender: order-service and notification-service from their own jars (-Xmx256m each), as shipped "
						+ "(order-service: acks=all, linger.ms=0, 202 from the delivery callback, its Kafka Streams "
						+ "views; notification-service: one Kafka transaction per poll, read_committed); on "
						+ "three brokers orders, notifications and chat-messages have 3 replicas and "
						+ "min.insync.replicas=2",
				String.format(Locale.ROOT,
						"load: the README's order from %,d customers, open-loop at %,.0f requests/s from the "
								+ "harness's own HTTP/1.1 client (at most %d in flight); each order is timed from its "
								+ "request's intended send time (no coordinated omission) to: its 202; the "
								+ "notification's sentAt (notification-service's listener, before its transaction "
								+ "commits: 'handled'); the moment a read_committed reader in the harness received "
								+ "it ('committed', the target's figure); a notification not read %d s after the "
								+ "last answer counts as an error, at that moment",
						HttpBenchmark.CUSTOMERS, this.rate, MAX_IN_FLIGHT, this.wait.toSeconds()),
				String.format(Locale.ROOT,
						"references, each a fresh JVM (-Xmx512m) on a topic of the same layout (6 partitions, the "
								+ "same replication): ProducerPerformance --throughput %,.0f, %d-byte records "
								+ "(an OrderPlaced as the suite writes it), order-service's producer settings (%s), "
								+ "%d s of records first not timed, latency from send() to the acknowledgement, in whole "
								+ "ms; EndToEndLatency, %,d records of %d bytes one at a time with acks=all, each "
								+ "from send() until its consumer has it (closed-loop: it never queues), whole ms",
						this.rate, this.recordBytes, ProducerSettings.ORDER_SERVICE,
						PRODUCER_PERFORMANCE_WARMUP.toSeconds(), this.endToEndRecords, this.recordBytes),
				String.format(Locale.ROOT,
						"clusters: %s, KRaft brokers of Kafka's own server (a JVM each, -Xmx384m); per cluster %d s "
								+ "of orders warm both services up, then rounds: %d, each running ProducerPerformance, "
								+ "EndToEndLatency and %d s of orders in turn, the orders once the views and "
								+ "notification-service have caught up; the median counts",
						this.brokers, this.warmup.toSeconds(), this.rounds, this.duration.toSeconds())));
		settings.addAll(this.saturated);
		return settings;
	}

	private static Measurement logged(String label, Measurement measurement) {
		log.info(String.format(Locale.ROOT, "%s, %s: %,.0f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors%s",
				label, measurement.variant(), measurement.perSecond(), measurement.latency().p50(),
				measurement.latency().p99(), measurement.latency().max(), measurement.errors(),
				measurement.cpuLogSuffix("order")));
		return measurement;
	}

	/**
	 * A reference's run.
	 *
	 * @param variant which tool
	 * @param records records it timed
	 * @param perSecond its rate
	 * @param latency its percentiles
	 */
	private record Reference(String variant, long records, double perSecond, Latency latency) {

		Measurement as(String series, int round) {
			return new Measurement(series, this.variant, Role.REFERENCE, round, this.records, 0,
					this.records / this.perSecond, this.perSecond, this.latency);
		}

	}

	/**
	 * A contender's run: the answers and the notifications.
	 *
	 * @param answers what the load generator measured (request to 202)
	 * @param notifications the notifications of the accepted orders
	 */
	private record Contender(LoadResult answers, NotificationWatch.Round notifications) {

		// The CPU goes with the contender's row only, as the diagnostic rows are the
		// same run.
		List<Measurement> as(String series, int round, CpuUse cpu) {
			NotificationWatch.Round notified = this.notifications;
			double seconds = this.answers.seconds();
			long errors = this.answers.errors() + notified.missing();
			return List.of(
					new Measurement(series, CONTENDER, Role.CONTENDER, round, notified.matched(), errors, seconds,
							notified.matched() / seconds, Latency.ofMicros(notified.committed()))
						.withCpu(cpu),
					new Measurement(series, HANDLED, Role.DIAGNOSTIC, round, notified.matched(), errors, seconds,
							notified.matched() / seconds, Latency.ofMicros(notified.handled())),
					this.answers.as(series, ACCEPTED, Role.DIAGNOSTIC, round));
		}

	}

}
