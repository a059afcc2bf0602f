package io.eventsuite.benchmarks.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.activity.ActivityBatches;
import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.CpuUse;
import io.eventsuite.benchmarks.harness.Latency;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;
import io.eventsuite.benchmarks.harness.Statistic;
import io.eventsuite.benchmarks.harness.Target;
import io.eventsuite.benchmarks.http.ConsumerLag;
import io.eventsuite.benchmarks.http.HttpBenchmark;
import io.eventsuite.benchmarks.http.LoadGenerator;
import io.eventsuite.benchmarks.http.LoadRequest;
import io.eventsuite.benchmarks.http.LoadResult;
import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceJava;

/**
 * Target 6: each service is ready at most 4 s after its JVM starts, and stays under 300
 * MB of resident memory under load. Each service starts as its image starts it, on a
 * broker of its own, one after the other, its readiness polled every 20 ms; then
 * order-service and notification-service take orders at a fixed rate and activity-tracker
 * takes batches as fast as it goes, and the kernel's peak RSS of each is read. Several
 * rounds; the median time to ready and the highest peak count.
 */
public final class StartupBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("services", "rounds", "warmup-rounds", "rate", "load-seconds",
			"batch", "concurrency", "out");

	static final List<String> SERVICES = List.of("order-service", "notification-service", "activity-tracker");

	static final String START_UP = "start-up";

	static final String UNDER_LOAD = "under load";

	static final double READY_SECONDS = 4;

	static final double PEAK_RSS_MB = 300;

	private static final Logger log = LoggerFactory.getLogger(StartupBenchmark.class);

	private static final int MAX_IN_FLIGHT = 256;

	private final List<String> services;

	private final int rounds;

	private final int warmupRounds;

	private final double rate;

	private final Duration loadDuration;

	private final int batchSize;

	private final int concurrency;

	private final Path work;

	private StartupBenchmark(Options options, Path work) {
		this.services = Arrays.stream(options.string("services", String.join(",", SERVICES)).split(","))
			.map(String::trim)
			.toList();
		if (!SERVICES.containsAll(this.services)) {
			throw new IllegalArgumentException("--services takes some of " + SERVICES + ", not " + this.services);
		}
		this.rounds = options.intValue("rounds", 3);
		this.warmupRounds = options.intValue("warmup-rounds", 1);
		this.rate = options.doubleValue("rate", 1000);
		this.loadDuration = options.seconds("load-seconds", Duration.ofSeconds(20));
		this.batchSize = options.intValue("batch", 100);
		this.concurrency = options.intValue("concurrency", 8);
		this.work = work;
	}

	/**
	 * Runs the benchmark.
	 * @param options {@code --services} (all three, comma-separated), {@code --rounds}
	 * (3), {@code --warmup-rounds} of starts not counted (1: the first start creates the
	 * topics and reads the jars from disk), {@code --rate} orders per second open-loop
	 * (1,000, target 4's rate), {@code --load-seconds} of each load (20), {@code --batch}
	 * events per activity request (100), {@code --concurrency} activity requests in
	 * flight (8)
	 * @return the report, not yet written
	 */
	public static Report run(Options options) {
		Path work = Path.of(System.getProperty("eventsuite.logs"), "startup-" + System.currentTimeMillis());
		return new StartupBenchmark(options, work).run();
	}

	private Report run() {
		Machine machine = Machine.current();
		List<Measurement> measurements = new ArrayList<>();
		Map<String, Path> extracted = new LinkedHashMap<>();
		for (String service : this.services) {
			extracted.put(service, ShippedService.extract(jar(service), this.work.resolve(service)));
		}
		LoadGenerator load = new LoadGenerator();
		try (KafkaCluster broker = KafkaCluster.start(1)) {
			for (int round = 1; round <= this.warmupRounds; round++) {
				closeAll(startAll(broker, extracted, "w" + round, 0, new ArrayList<>()));
			}
			for (int round = 1; round <= this.rounds; round++) {
				List<ShippedService> running = startAll(broker, extracted, String.valueOf(round), round, measurements);
				try {
					measurements.addAll(underLoad(broker, load, running, round));
				}
				finally {
					closeAll(running);
				}
			}
		}
		List<Target> targets = this.services.stream()
			.flatMap((service) -> Stream.of(
					new Target.Limit("target 6", START_UP, service, Statistic.SECONDS, READY_SECONDS),
					new Target.Limit("target 6", UNDER_LOAD, service, Statistic.PEAK_RSS_MB, PEAK_RSS_MB)))
			.map(Target.class::cast)
			.toList();
		return new Report("startup", "Start-up: time to ready and peak RSS under load", machine, settings(),
				measurements, targets, UNDER_LOAD, UNDER_LOAD);
	}

	private List<String> settings() {
		return List.of("services: " + String.join(", ", this.services) + ", each from its own jar on the image's Java "
				+ ServiceJava.version()
				+ ", extracted as the image's build extracts it (app.jar, lib/, RocksDB's JNI library unpacked into "
				+ "native/ by deploy/docker/extract-native-libraries.sh and checked loaded from there), its AOT "
				+ "cache recorded by the image's script (deploy/docker/record-aot-cache.sh), and started with java "
				+ "-jar app.jar and the " + "image's JVM flags as they apply in the 512 MB container of the compose "
				+ "file and the Kubernetes manifests: " + String.join(" ", ShippedService.IMAGE_JVM_FLAGS),
				"one KRaft broker (Kafka's own server, a JVM of its own, -Xmx384m); the services start one after the "
						+ "other, the ones started before keep running",
				"time to ready: from starting the process to the first 200 UP of /actuator/health/readiness "
						+ "(which includes the Kafka checks and, for order-service and activity-tracker, Kafka "
						+ "Streams RUNNING), polled every 20 ms; the diagnostic rows are Spring Boot's own "
						+ "'Started … (process running for N)', the JVM's uptime when the context had started",
				String.format(Locale.ROOT,
						"under load: POST /api/orders open-loop at %.0f/s for %d s (HttpBenchmark's bodies), then "
								+ "until notification-service has consumed them all; then POST /api/activity/batch "
								+ "closed-loop, %d events per request, %d in flight, for %d s; /s is requests per "
								+ "second (orders for notification-service); peak RSS is VmHWM of /proc/<pid>/status "
								+ "after the load, MB = 2^20 bytes",
						this.rate, this.loadDuration.toSeconds(), this.batchSize, this.concurrency,
						this.loadDuration.toSeconds()),
				String.format(Locale.ROOT,
						"warm-up rounds: %d (starts not counted); rounds: %d; the median time to ready and the highest "
								+ "peak RSS count",
						this.warmupRounds, this.rounds));
	}

	private List<ShippedService> startAll(KafkaCluster broker, Map<String, Path> extracted, String prefix, int round,
			List<Measurement> measurements) {
		List<ShippedService> running = new ArrayList<>();
		try {
			for (Map.Entry<String, Path> service : extracted.entrySet()) {
				// The CPU of the whole start, and how busy the machine was meanwhile (the
				// services started before keep running).
				CpuMeter meter = CpuMeter.start(Map.of());
				ShippedService started = ShippedService.start(service.getKey(), service.getValue(),
						broker.bootstrapServers(), this.work.resolve(prefix + "-" + service.getKey() + ".log"));
				CpuUse cpu = meter.stop(Map.of(started.name(), started.pid()));
				running.add(started);
				double spring = started.springStartedSeconds().orElse(Double.NaN);
				log.info(String.format(Locale.ROOT,
						"Round %s, %s: ready after %.2f s (Spring: started at %.2f s); CPU per start: %s", prefix,
						started.name(), started.readySeconds(), spring,
						CpuUse.text(cpu.millisPer(1), cpu.machineBusy())));
				if (round > 0) {
					measurements
						.add(startUp(started.name(), Role.CONTENDER, round, started.readySeconds()).withCpu(cpu));
					measurements.add(startUp(started.name() + ", Spring's log", Role.DIAGNOSTIC, round, spring));
				}
			}
			return running;
		}
		catch (RuntimeException ex) {
			closeAll(running);
			throw ex;
		}
	}

	private static Measurement startUp(String variant, Role role, int round, double seconds) {
		return new Measurement(START_UP, variant, role, round, 1, 0, seconds, Double.NaN, Latency.NONE);
	}

	private List<Measurement> underLoad(KafkaCluster broker, LoadGenerator load, List<ShippedService> running,
			int round) {
		Map<String, LoadResult> results = new LinkedHashMap<>();
		ShippedService orders = find(running, "order-service");
		if (orders != null) {
			List<LoadRequest> posts = HttpBenchmark.posts(orders.client().uri("/api/orders"));
			LoadResult result = load.openLoop(posts, this.rate, this.loadDuration, MAX_IN_FLIGHT);
			results.put("order-service", result);
			if (find(running, "notification-service") != null) {
				ConsumerLag.awaitCaughtUp(broker, "notification-service", Duration.ofMinutes(2));
				results.put("notification-service",
						new LoadResult(result.ok(), Map.of(), result.seconds(), Latency.NONE));
			}
		}
		ShippedService activity = find(running, "activity-tracker");
		if (activity != null) {
			results.put("activity-tracker",
					load.closedLoop(ActivityBatches.posts(activity.client().uri("/api/activity/batch"), this.batchSize),
							this.concurrency, this.loadDuration));
		}
		List<Measurement> measurements = new ArrayList<>();
		for (ShippedService service : running) {
			LoadResult result = results.getOrDefault(service.name(), new LoadResult(0, Map.of(), 0, Latency.NONE));
			Measurement measurement = new Measurement(UNDER_LOAD, service.name(), Role.CONTENDER, round, result.ok(),
					result.errors(), result.seconds(), result.perSecond(), result.latency(), service.peakRssMb());
			log.info(String.format(Locale.ROOT, "Round %d, %s under load: %,.0f/s, %d errors, peak RSS %.0f MB", round,
					service.name(), measurement.perSecond(), measurement.errors(), measurement.peakRssMb()));
			measurements.add(measurement);
		}
		return measurements;
	}

	private static ShippedService find(List<ShippedService> running, String name) {
		return running.stream().filter((service) -> service.name().equals(name)).findFirst().orElse(null);
	}

	// All at once: each graceful shutdown takes seconds, and they need not wait for each
	// other.
	private static void closeAll(List<ShippedService> running) {
		running.forEach(ShippedService::stop);
		running.forEach(ShippedService::close);
	}

	private static Path jar(String service) {
		return Path.of(System.getProperty("eventsuite.jars"), service, "target",
				service + "-" + System.getProperty("eventsuite.version") + ".jar");
	}

}
