package io.eventsuite.benchmarks.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.CpuUse;
import io.eventsuite.benchmarks.harness.FlightRecorder;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Measurement;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.harness.Role;
import io.eventsuite.benchmarks.harness.Target;
import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceProcess;

/**
 * Target 2: {@code POST /api/orders} (acks=all, answered from the delivery callback)
 * reaches at least 60% of the requests per second of a no-op endpoint in the same
 * process, with the same body at the same concurrency. order-service runs from its own
 * jar on a broker of its own; both endpoints are warmed up, then measured closed-loop in
 * alternating rounds for throughput, then open-loop at one fixed rate for latency.
 */
public final class HttpBenchmark {

	/** The options it understands. */
	public static final Set<String> OPTIONS = Set.of("seconds", "warmup", "rounds", "concurrency", "rate", "jfr",
			"views", "service-args", "out");

	static final String REFERENCE = "no-op endpoint";

	static final String CONTENDER = "POST /api/orders";

	/** Target 2, in the closed-loop series of a given concurrency. */
	static final Function<String, Target.Share> TARGET = (series) -> new Target.Share("target 2", series, CONTENDER,
			REFERENCE, 0.60);

	/**
	 * The README's example order, the same bodies in the same order for both endpoints;
	 * each request names one of {@link #CUSTOMERS} customers (same length, so every body
	 * has the same size).
	 */
	static final String BODY = """
			{"customerId":"%s","currency":"EUR","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":12.50}]}""";

	/**
	 * How many customers the orders come from. One customer would make every order
	 * rewrite a full list of that customer's 100 newest order summaries in the views;
	 * production traffic spreads over many.
	 */
	public static final int CUSTOMERS = 1000;

	private static final Logger log = LoggerFactory.getLogger(HttpBenchmark.class);

	/** The highest open-loop rate it picks by itself: target 4's rate. */
	private static final double DEFAULT_MAX_RATE = 1000;

	private static final int MAX_IN_FLIGHT = 256;

	private final Duration duration;

	private final Duration warmup;

	private final int rounds;

	private final int concurrency;

	private final double rate;

	private final boolean profile;

	private final boolean views;

	private final String serviceArgs;

	private HttpBenchmark(Options options) {
		this.duration = options.seconds("seconds", Duration.ofSeconds(15));
		// 45 s left POST /api/orders warming up through the counted rounds on a slow day
		// (714, 1,031, 1,315 req/s in rounds 1 to 3); after 120 s its rounds varied
		// less (docs/benchmarks.md, target 2).
		this.warmup = options.seconds("warmup", Duration.ofSeconds(120));
		this.rounds = options.intValue("rounds", 3);
		this.concurrency = options.intValue("concurrency", 32);
		this.rate = options.doubleValue("rate", 0);
		this.profile = Boolean.parseBoolean(options.string("jfr", "false"));
		this.views = Boolean.parseBoolean(options.string("views", "true"));
		this.serviceArgs = options.string("service-args", "");
	}

	/**
	 * Runs the benchmark.
	 * @param options {@code --seconds} per run (15), {@code --warmup} seconds per
	 * endpoint (120: the JIT on two shared cores takes that long), {@code --rounds} (3),
	 * {@code --concurrency} closed-loop (32), {@code --rate} open-loop requests per
	 * second (default: half of what POST /api/orders reached closed-loop, at most 1,000),
	 * {@code --jfr=true} to record order-service during the closed-loop rounds (under
	 * {@code eventsuite.logs}), {@code --views=false} to run order-service without its
	 * Kafka Streams views (what they cost), {@code --service-args} order-service's extra
	 * arguments, comma-separated (an experiment with its settings)
	 * @return the report, not yet written
	 */
	public static Report run(Options options) {
		return new HttpBenchmark(options).run();
	}

	private Report run() {
		Machine machine = Machine.current();
		String closed = String.format(Locale.ROOT, "closed-loop, %d in flight", this.concurrency);
		List<Measurement> measurements = new ArrayList<>();
		double openRate;
		try (KafkaCluster broker = KafkaCluster.start(1);
				ServiceProcess service = ServiceProcess.start("order-service", broker.bootstrapServers(),
						serviceArgs())) {
			LoadGenerator load = new LoadGenerator();
			List<LoadRequest> noop = posts(service.client().uri("/api/benchmark/noop-orders"));
			List<LoadRequest> orders = posts(service.client().uri("/api/orders"));
			// The JIT compiles both paths before anything counts.
			load.closedLoop(noop, this.concurrency, this.warmup);
			load.closedLoop(orders, this.concurrency, this.warmup);
			FlightRecorder recording = this.profile ? record(service) : null;
			Map<String, Long> processes = CpuMeter.processes(broker, service);
			for (int round = 1; round <= this.rounds; round++) {
				measurements
					.add(logged(metered(processes, broker, () -> load.closedLoop(noop, this.concurrency, this.duration))
						.as(closed, REFERENCE, Role.REFERENCE, round)));
				measurements.add(logged(
						metered(processes, broker, () -> load.closedLoop(orders, this.concurrency, this.duration))
							.as(closed, CONTENDER, Role.CONTENDER, round)));
			}
			if (recording != null) {
				log.info("Flight recording of order-service: {}", recording.stop());
			}
			openRate = (this.rate > 0) ? this.rate : openRate(measurements);
			String open = String.format(Locale.ROOT, "open-loop, %.0f/s", openRate);
			for (int round = 1; round <= this.rounds; round++) {
				measurements.add(logged(
						metered(processes, broker, () -> load.openLoop(noop, openRate, this.duration, MAX_IN_FLIGHT))
							.as(open, REFERENCE, Role.REFERENCE, round)));
				measurements.add(logged(
						metered(processes, broker, () -> load.openLoop(orders, openRate, this.duration, MAX_IN_FLIGHT))
							.as(open, CONTENDER, Role.CONTENDER, round)));
			}
		}
		List<String> settings = new ArrayList<>(List.of(
				"order-service from its own jar (-Xmx256m), with eventsuite.benchmark.noop-endpoint=true, "
						+ "as shipped otherwise: acks=all, linger.ms=0, idempotence on, answered from the "
						+ "delivery callback; "
						+ (this.views ? "its Kafka Streams order views (exactly-once) run too, and each "
								+ "measurement starts once they have caught up with every order placed before it"
								: "its Kafka Streams order views do NOT run (--views=false, a diagnostic)"),
				"one KRaft broker (Kafka's own server, a JVM of its own, -Xmx384m), orders with 6 partitions, 1 replica",
				String.format(Locale.ROOT,
						"the same bodies for both endpoints: the README's example order (%d bytes) from %,d "
								+ "customers in turn; the no-op endpoint parses and validates it the same way and "
								+ "publishes nothing",
						body(0).length(), CUSTOMERS),
				String.format(Locale.ROOT,
						"load from the harness's own HTTP/1.1 client (one NIO thread, keep-alive): warm-up %d s per "
								+ "endpoint; rounds: %d, each %d s per endpoint closed-loop (%d in flight; latency is "
								+ "service time); rounds: %d, each open-loop at %.0f requests/s (latency from each "
								+ "request's intended send time, at most %d in flight)",
						this.warmup.toSeconds(), this.rounds, this.duration.toSeconds(), this.concurrency, this.rounds,
						openRate, MAX_IN_FLIGHT),
				"the median of the rounds counts"));
		if (!this.serviceArgs.isBlank()) {
			settings.add("order-service's extra arguments (--service-args, an experiment): " + this.serviceArgs);
		}
		return new Report("http", "HTTP: POST /api/orders against a no-op endpoint of the same app", machine, settings,
				measurements, List.of(TARGET.apply(closed)), closed,
				String.format(Locale.ROOT, "open-loop, %.0f/s", openRate));
	}

	// Half of what the contender can do: a rate both endpoints sustain, so that the
	// latencies compare the paths and not two queues.
	private static double openRate(List<Measurement> closedLoop) {
		double[] contender = closedLoop.stream()
			.filter((m) -> m.variant().equals(CONTENDER))
			.mapToDouble(Measurement::perSecond)
			.sorted()
			.toArray();
		double median = (contender.length > 0) ? contender[contender.length / 2] : 0;
		return Math.max(1, Math.min(DEFAULT_MAX_RATE, Math.floor(median / 2)));
	}

	// Without the views, readiness must not wait for a Kafka Streams application that
	// never starts.
	private String[] serviceArgs() {
		List<String> args = new ArrayList<>(List.of("--eventsuite.benchmark.noop-endpoint=true"));
		if (!this.views) {
			args.addAll(List.of("--spring.kafka.streams.auto-startup=false",
					"--management.endpoint.health.group.readiness.include=readinessState"));
		}
		if (!this.serviceArgs.isBlank()) {
			args.addAll(List.of(this.serviceArgs.split(",")));
		}
		return args.toArray(String[]::new);
	}

	// One run once the views have caught up with the runs before it, its CPU counted
	// until
	// they have caught up with it too: folding an order into the views is part of its
	// cost, and they may lag behind the run.
	private MeteredLoad metered(Map<String, Long> processes, KafkaCluster broker, Supplier<LoadResult> run) {
		awaitIdle(broker);
		CpuMeter meter = CpuMeter.start(processes);
		LoadResult result = run.get();
		awaitIdle(broker);
		return new MeteredLoad(result, meter.stop());
	}

	/**
	 * A load run and the CPU it took.
	 *
	 * @param result what the load generator measured
	 * @param cpu what each process took
	 */
	private record MeteredLoad(LoadResult result, CpuUse cpu) {

		Measurement as(String series, String variant, Role role, int round) {
			return this.result.as(series, variant, role, round).withCpu(this.cpu);
		}

	}

	// The order views (Kafka Streams application "order-service") fold the orders of a
	// run for a while after it: each measurement starts once they have caught up, when
	// they run.
	private void awaitIdle(KafkaCluster broker) {
		if (!this.views) {
			return;
		}
		ConsumerLag.awaitCaughtUp(broker, "order-service", Duration.ofMinutes(2));
	}

	private static FlightRecorder record(ServiceProcess service) {
		Path directory = Path.of(System.getProperty("eventsuite.logs"), "http-" + System.currentTimeMillis());
		return FlightRecorder.start(service.pid(), directory.resolve("order-service.jfr"));
	}

	/**
	 * The benchmark's order requests: the README's example order from each of
	 * {@link #CUSTOMERS} customers in turn, all of the same size.
	 * @param uri where to post them
	 * @return one request per customer
	 */
	public static List<LoadRequest> posts(URI uri) {
		return IntStream.range(0, CUSTOMERS)
			.mapToObj((customer) -> LoadRequest.post(uri, "application/json", body(customer)))
			.toList();
	}

	static String body(int customer) {
		return BODY.formatted(String.format(Locale.ROOT, "customer-%04d", customer));
	}

	private static Measurement logged(Measurement measurement) {
		log.info(String.format(Locale.ROOT, "Round %d, %s, %s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
				measurement.round(), measurement.series(), measurement.variant(), measurement.perSecond(),
				measurement.latency().p50(), measurement.latency().p99(), measurement.errors(),
				measurement.cpuLogSuffix("request")));
		return measurement;
	}

}
