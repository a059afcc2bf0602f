package io.eventsuite.benchmarks.activity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;
import io.eventsuite.benchmarks.harness.RunTopics;
import io.eventsuite.benchmarks.harness.Target;
import io.eventsuite.benchmarks.http.ConsumerLag;
import io.eventsuite.benchmarks.http.LoadGenerator;
import io.eventsuite.benchmarks.http.LoadRequest;
import io.eventsuite.benchmarks.http.LoadResult;
import io.eventsuite.benchmarks.producer.ProducerPerformanceOutput;
import io.eventsuite.benchmarks.producer.ProducerPerformanceRun;
import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceProcess;

/**
 * Target 3: {@code POST /api/activity/batch} ingests at least 50% of the events per
 * second of Kafka's own {@code ProducerPerformance} at the same producer settings
 * (activity-tracker's, read from its jar) and the same bytes per record. activity-tracker
 * runs from its own jar, with its Kafka Streams analytics, on a broker of its own; a
 * second instance with the analytics switched off is measured as a diagnostic. The runs
 * alternate; the median of the rounds counts.
 */
public final class ActivityBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("seconds", "warmup", "rounds", "batch", "concurrency", "records",
			"warmup-records", "diagnostic", "out");

	static final String SERIES = "as fast as each goes";

	static final String REFERENCE = "ProducerPerformance";

	static final String CONTENDER = "POST /api/activity/batch";

	static final String WITHOUT_ANALYTICS = "POST /api/activity/batch, analytics off";

	static final String ANALYTICS_RATE = "analytics, until caught up";

	/** Target 3. */
	static final Target.Share TARGET = new Target.Share("target 3", SERIES, CONTENDER, REFERENCE, 0.50);

	/** The Kafka Streams application id of the analytics: spring.application.name. */
	static final String ANALYTICS = "activity-tracker";

	private static final String TOPIC = "user-activity";

	private static final String TOPIC_WITHOUT_ANALYTICS = "user-activity-without-analytics";

	private static final Logger log = LoggerFactory.getLogger(ActivityBenchmark.class);

	private static final Duration DELIVERY_BOUND = Duration.ofSeconds(60);

	private final Duration duration;

	private final Duration warmup;

	private final int rounds;

	private final int batchSize;

	private final int concurrency;

	private final int records;

	private final int warmupRecords;

	private final boolean diagnostic;

	private final Path work;

	private ActivityBenchmark(Options options, Path work) {
		this.duration = options.seconds("seconds", Duration.ofSeconds(15));
		this.warmup = options.seconds("warmup", Duration.ofSeconds(30));
		this.rounds = options.intValue("rounds", 3);
		this.batchSize = options.intValue("batch", 100);
		this.concurrency = options.intValue("concurrency", 8);
		this.records = options.intValue("records", 1_000_000);
		this.warmupRecords = options.intValue("warmup-records", 200_000);
		ProducerPerformanceRun.checkCounts(this.records, this.warmupRecords);
		this.diagnostic = Boolean.parseBoolean(options.string("diagnostic", "true"));
		this.work = work;
	}

	/**
	 * Runs the benchmark.
	 * @param options {@code --seconds} per contender run (15), {@code --warmup} seconds
	 * of load per service instance first (30), {@code --rounds} (3), {@code --batch}
	 * events per request (100, at most the service's
	 * {@code eventsuite.activity.max-batch-size}), {@code --concurrency} requests in
	 * flight (8), {@code --records} timed per reference run (1,000,000) after
	 * {@code --warmup-records} (200,000), {@code --diagnostic=false} to leave out the
	 * instance without analytics
	 * @return the report, not yet written
	 */
	public static Report run(Options options) {
		Path work = Path.of(System.getProperty("eventsuite.logs"), "activity-" + System.currentTimeMillis());
		return new ActivityBenchmark(options, work).run();
	}

	private Report run() {
		Machine machine = Machine.current();
		ShippedSettings shipped = ShippedSettings.ofJar(jar());
		if (this.batchSize < 1 || this.batchSize > shipped.maxBatchSize()) {
			throw new IllegalArgumentException("--batch must be between 1 and activity-tracker's max-batch-size "
					+ shipped.maxBatchSize() + ", not " + this.batchSize);
		}
		int recordBytes = ActivityBatches.averageRecordBytes();
		List<Measurement> measurements = new ArrayList<>();
		try (KafkaCluster broker = KafkaCluster.start(1);
				ServiceProcess tracker = ServiceProcess.start("activity-tracker", broker.bootstrapServers());
				ServiceProcess withoutAnalytics = this.diagnostic ? startWithoutAnalytics(broker) : null;
				Admin admin = broker.admin()) {
			LoadGenerator load = new LoadGenerator();
			Path config = shipped.producer().write(broker.bootstrapServers(), this.work.resolve("producer.properties"));
			List<LoadRequest> batches = ActivityBatches.posts(tracker.client().uri("/api/activity/batch"),
					this.batchSize);
			List<LoadRequest> batchesWithoutAnalytics = (withoutAnalytics != null)
					? ActivityBatches.posts(withoutAnalytics.client().uri("/api/activity/batch"), this.batchSize)
					: List.of();
			// The JIT compiles the request path, and the broker warms up, before anything
			// counts.
			load.closedLoop(batches, this.concurrency, this.warmup);
			if (withoutAnalytics != null) {
				load.closedLoop(batchesWithoutAnalytics, this.concurrency, this.warmup);
			}
			Map<String, Long> processes = CpuMeter.processes(broker, tracker);
			Map<String, Long> processesWithoutAnalytics = (withoutAnalytics != null)
					? CpuMeter.processes(broker, withoutAnalytics) : Map.of();
			for (int round = 1; round <= this.rounds; round++) {
				awaitIdle(broker);
				measurements.add(logged(reference(broker, round, recordBytes, config)));
				awaitIdle(broker);
				// The contender's CPU until the analytics have folded its events too,
				// as they are part of what an event costs the service.
				CpuMeter meter = CpuMeter.start(processes);
				Measurement contender = batches(load, admin, batches, TOPIC, CONTENDER, Role.CONTENDER, round);
				double catchUp = awaitAnalytics(broker);
				contender = logged(contender.withCpu(meter.stop()));
				measurements.add(contender);
				measurements.add(analytics(contender, catchUp));
				if (withoutAnalytics != null) {
					CpuMeter diagnosticMeter = CpuMeter.start(processesWithoutAnalytics);
					Measurement diagnostic = batches(load, admin, batchesWithoutAnalytics, TOPIC_WITHOUT_ANALYTICS,
							WITHOUT_ANALYTICS, Role.DIAGNOSTIC, round);
					measurements.add(logged(diagnostic.withCpu(diagnosticMeter.stop())));
				}
			}
		}
		return new Report("activity", "Activity: POST /api/activity/batch against Kafka's ProducerPerformance", machine,
				settings(shipped, recordBytes), measurements, List.of(TARGET), SERIES, SERIES);
	}

	private List<String> settings(ShippedSettings shipped, int recordBytes) {
		List<String> lines = new ArrayList<>();
		lines.add("producer settings, activity-tracker's (read from the application.yml in its jar) for both sides: "
				+ shipped.producer() + "; the rest at Kafka's defaults (the service's bounds on waiting, "
				+ "max.block.ms, request.timeout.ms and delivery.timeout.ms, decide when an event fails, not how "
				+ "fast events go, and are left out of the reference so that a stall does not abort it)");
		lines.add(String.format(Locale.ROOT,
				"%d bytes per record: an ActivityRecorded as the service writes it (user-id key, JSON value, "
						+ "CloudEvents headers); ProducerPerformance sends --record-size %d values without key or "
						+ "headers, of random letters, which lz4 compresses less than the service's JSON",
				recordBytes, recordBytes));
		lines.add(String.format(Locale.ROOT,
				"activity-tracker from its own jar (-Xmx256m) as shipped, its Kafka Streams analytics "
						+ "(exactly-once) reading user-activity on the same cores; batches of %d events (%d users, "
						+ "%d pages, every fifth event a click) from the harness's own HTTP/1.1 client (one thread, "
						+ "keep-alive), closed-loop with %d requests in flight, after %d s of warm-up",
				this.batchSize, ActivityBatches.USERS, ActivityBatches.PAGES, this.concurrency,
				this.warmup.toSeconds()));
		lines.add(String.format(Locale.ROOT,
				"the contender's events/s: the events of the 202 answers of a %d s run, over the time from its "
						+ "first request until user-activity holds them all (a 202 means buffered, not written); "
						+ "its latency is per request of %d events, the reference's per record (send to "
						+ "acknowledgement)",
				this.duration.toSeconds(), this.batchSize));
		lines.add(String.format(Locale.ROOT,
				"ProducerPerformance in a fresh JVM (-Xms512m -Xmx512m) to a fresh topic of user-activity's layout "
						+ "(6 partitions, 1 replica): %,d records warm up, %,d are timed",
				this.warmupRecords, this.records));
		lines.add("diagnostic, " + ANALYTICS_RATE + ": the contender's events over the time from its first request "
				+ "until the analytics (group " + ANALYTICS + ") had committed them all; they were caught up when it "
				+ "started. What the analytics fold per second while they share the cores with the ingestion");
		if (this.diagnostic) {
			lines.add("diagnostic: a second activity-tracker with spring.kafka.streams.auto-startup=false "
					+ "(the analytics never start) writing to a topic of its own; readiness without the "
					+ "streams check");
		}
		lines.add(String.format(Locale.ROOT,
				"one KRaft broker (Kafka's own server, a JVM of its own, -Xmx384m); rounds: %d, each running "
						+ "the reference, the contender%s in turn, once the analytics have caught up; the median "
						+ "counts",
				this.rounds, this.diagnostic ? " and the diagnostic" : ""));
		return lines;
	}

	private ServiceProcess startWithoutAnalytics(KafkaCluster broker) {
		return ServiceProcess.start("activity-tracker", broker.bootstrapServers(),
				"--spring.kafka.streams.auto-startup=false",
				"--eventsuite.topics.user-activity.name=" + TOPIC_WITHOUT_ANALYTICS,
				"--management.endpoint.health.group.readiness.include=readinessState,kafka/cluster");
	}

	private Measurement reference(KafkaCluster broker, int round, int recordBytes, Path config) {
		String topic = "bench-activity-reference-" + round;
		RunTopics.create(broker, topic);
		try {
			// As in the producer benchmark: the tool's JVM from its start to its exit,
			// warm-up records included, at the run's average per record.
			try (CpuMeter meter = CpuMeter.start(CpuMeter.brokers(broker))) {
				ProducerPerformanceOutput summary = ProducerPerformanceRun.run(topic, this.records, this.warmupRecords,
						recordBytes, config, this.work.resolve(round + "-producer-performance.log"), false,
						(process) -> meter.follow(CpuMeter.PRODUCER, process));
				return new Measurement(SERIES, REFERENCE, Role.REFERENCE, round, summary.records(), 0,
						summary.records() / summary.perSecond(), summary.perSecond(), summary.latency())
					.withCpu(meter.stop().timedPart(this.records, this.warmupRecords));
			}
		}
		finally {
			RunTopics.delete(broker, topic);
		}
	}

	// Events count once the topic holds them: the service answers 202 when they are
	// buffered, and a buffer that is still full at the end would flatter it.
	private Measurement batches(LoadGenerator load, Admin admin, List<LoadRequest> batches, String topic,
			String variant, Role role, int round) {
		long before = TopicRecords.count(admin, topic);
		long start = System.nanoTime();
		LoadResult result = load.closedLoop(batches, this.concurrency, this.duration);
		long accepted = result.ok() * this.batchSize;
		TopicRecords.awaitAtLeast(admin, topic, before + accepted, DELIVERY_BOUND);
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info(String.format(Locale.ROOT, "Round %d, %s: %,.0f events/s answered 202, %.2f s until written", round,
				variant, result.perSecond() * this.batchSize, seconds - result.seconds()));
		return new Measurement(SERIES, variant, role, round, accepted, result.errors() * this.batchSize, seconds,
				accepted / seconds, result.latency());
	}

	// The analytics fold the events of a run for a while after it: the next
	// measurement starts once they have caught up.
	private static double awaitAnalytics(KafkaCluster broker) {
		long start = System.nanoTime();
		awaitIdle(broker);
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info(String.format(Locale.ROOT, "The analytics caught up %.1f s after the run", seconds));
		return seconds;
	}

	// What the analytics fold per second: they were caught up when the run started and
	// take every core they get meanwhile, so the contender's figure hardly shows what
	// they cost per event; the time they take for its events does.
	private static Measurement analytics(Measurement contender, double catchUpSeconds) {
		double seconds = contender.seconds() + catchUpSeconds;
		return new Measurement(SERIES, ANALYTICS_RATE, Role.DIAGNOSTIC, contender.round(), contender.count(), 0,
				seconds, contender.count() / seconds, Latency.NONE);
	}

	private static void awaitIdle(KafkaCluster broker) {
		ConsumerLag.awaitCaughtUp(broker, ANALYTICS, Duration.ofMinutes(2));
	}

	private static Path jar() {
		return Path.of(System.getProperty("eventsuite.jars"), "activity-tracker", "target",
				"activity-tracker-" + System.getProperty("eventsuite.version") + ".jar");
	}

	private static Measurement logged(Measurement measurement) {
		log.info(String.format(Locale.ROOT, "Round %d, %s: %,.0f events/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
				measurement.round(), measurement.variant(), measurement.perSecond(), measurement.latency().p50(),
				measurement.latency().p99(), measurement.errors(), measurement.cpuLogSuffix("event")));
		return measurement;
	}

}
