package io.eventsuite.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.eventsuite.benchmarks.activity.ActivityBenchmark;
import io.eventsuite.benchmarks.drain.DrainBenchmark;
import io.eventsuite.benchmarks.harness.ChildProcesses;
import io.eventsuite.benchmarks.harness.Machine;
import io.eventsuite.benchmarks.harness.Options;
import io.eventsuite.benchmarks.harness.Report;
import io.eventsuite.benchmarks.http.HttpBenchmark;
import io.eventsuite.benchmarks.latency.LatencyBenchmark;
import io.eventsuite.benchmarks.producer.ProducerBenchmark;
import io.eventsuite.benchmarks.startup.StartupBenchmark;
import io.eventsuite.benchmarks.tuning.TuningBenchmark;
import io.eventsuite.test.ServiceJava;

/**
 * Runs one benchmark and writes its table, CSV and chart into {@code benchmarks/results}:
 * {@code java -jar benchmarks/target/benchmarks-<version>.jar <benchmark> [--option=value…]}.
 * Exit status 2 means bad arguments.
 */
public final class Benchmarks {

	private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);

	/**
	 * Every benchmark by the name that runs it, with the options it understands. One line
	 * per benchmark.
	 */
	private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>(
			Map.ofEntries(Map.entry("producer", new Benchmark(ProducerBenchmark.OPTIONS, ProducerBenchmark::run)),
					Map.entry("http", new Benchmark(HttpBenchmark.OPTIONS, HttpBenchmark::run)),
					Map.entry("activity", new Benchmark(ActivityBenchmark.OPTIONS, ActivityBenchmark::run)),
					Map.entry("startup", new Benchmark(StartupBenchmark.OPTIONS, StartupBenchmark::run)),
					Map.entry("tuning", new Benchmark(TuningBenchmark.OPTIONS, TuningBenchmark::run)),
					Map.entry("latency", new Benchmark(LatencyBenchmark.OPTIONS, LatencyBenchmark::run)),
					Map.entry("drain", new Benchmark(DrainBenchmark.OPTIONS, DrainBenchmark::run))));

	private Benchmarks() {
	}

	public static void main(String[] args) {
		if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
			log.error(usage());
			System.exit(2);
			return;
		}
		ChildProcesses.stopOnExit();
		Path root = repositoryRoot();
		defaultProperty("eventsuite.jars", root.toString());
		defaultProperty("eventsuite.version", Benchmarks.class.getPackage().getImplementationVersion());
		defaultProperty("eventsuite.logs", root.resolve("benchmarks/target/benchmark-logs").toString());
		if (Runtime.version().feature() != ServiceJava.version()) {
			System.exit(onServiceJava(args));
			return;
		}
		String[] optionArgs = Arrays.copyOfRange(args, 1, args.length);
		Benchmark benchmark = BENCHMARKS.get(args[0]);
		Options options;
		try {
			options = Options.parse(optionArgs, benchmark.options());
		}
		catch (IllegalArgumentException ex) {
			log.error("{}. {}", ex.getMessage(), usage());
			System.exit(2);
			return;
		}
		Machine machine = Machine.current();
		if (!machine.wasQuiet()) {
			log.warn("The machine is busy (load average {} ≥ {}): these figures are not worth publishing",
					machine.loadBefore(), Machine.QUIET_LOAD);
		}
		Report report = benchmark.run().apply(options);
		Report.Written written = report.write(options.path("out", root.resolve("benchmarks/results")));
		log.info("\n{}\nWritten: {}, {}, {}{}", report.table(), written.table(), written.csv(), written.chart(),
				written.threadsCsv().map((threads) -> ", " + threads).orElse(""));
	}

	private static String usage() {
		StringBuilder usage = new StringBuilder(
				"Usage: java -jar benchmarks/target/benchmarks-<version>.jar <benchmark> "
						+ "[--option=value…], where <benchmark> and its options are:");
		BENCHMARKS.forEach((name, benchmark) -> usage.append("\n  ")
			.append(name)
			.append(": ")
			.append(benchmark.options().stream().sorted().map((option) -> "--" + option).toList()));
		return usage.toString();
	}

	// The load generator, the reference tools and the contender producers run in this
	// JVM or in JVMs started from it: on the services' Java version, as the images run
	// it, and not on JDK 17, whose HTTP client took six to seven times the CPU per
	// request of the shared cores (docs/benchmarks.md, the machine). So the harness
	// starts itself again there, with the same JVM options and arguments, and ends with
	// its exit status.
	private static int onServiceJava(String[] args) {
		List<String> command = new ArrayList<>(List.of(ServiceJava.executable()));
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		Stream.of("eventsuite.jars", "eventsuite.version", "eventsuite.logs")
			.map((name) -> "-D" + name + "=" + System.getProperty(name))
			.forEach(command::add);
		command.addAll(List.of("-jar", jar().toString()));
		command.addAll(List.of(args));
		log.info("The services' image runs Java {}: running the benchmark on {}", ServiceJava.version(),
				command.get(0));
		try {
			return new ProcessBuilder(command).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	// The jar sits in <root>/benchmarks/target; the services' jars are found from there.
	private static Path repositoryRoot() {
		return jar().getParent().getParent().getParent();
	}

	private static Path jar() {
		try {
			return Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Benchmark(Set<String> options, Function<Options, Report> run) {
	}

	private static void defaultProperty(String name, String value) {
		if (System.getProperty(name) == null && value != null) {
			System.setProperty(name, value);
		}
	}

}
