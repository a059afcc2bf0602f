package io.eventsuite.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceJava;
import io.eventsuite.test.ServiceProcess;

import static org.awaitility.Awaitility.await;

/**
 * A service started the way its container image starts it: on the image's Java version
 * ({@link ServiceJava}), the jar extracted as the Dockerfile extracts it ({@code app.jar}
 * with its libraries in {@code lib/}), its AOT cache recorded by the image's own script
 * ({@code deploy/docker/record-aot-cache.sh}) with the image's options, and the image's
 * JVM flags inside the memory limit of the compose file and the Kubernetes manifests. Its
 * readiness is polled every 20 ms from the moment the process is started.
 */
final class ShippedService implements AutoCloseable {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private static final List<String> ENTRYPOINT_OPTIONS = entrypointJvmOptions();

	/**
	 * The image's flags, read from the Dockerfile's {@code ENTRYPOINT} (the JVM options
	 * between {@code java} and {@code -jar}), as the JVM applies them in a container
	 * limited to 512 MB: {@code MaxRAM} stands for the limit, and the serial collector is
	 * what the JVM picks by itself on a machine of less than 1,792 MB, which is how it
	 * sees such a container.
	 */
	static final List<String> IMAGE_JVM_FLAGS = Stream
		.concat(Stream.of("-XX:MaxRAM=512m", "-XX:+UseSerialGC"), ENTRYPOINT_OPTIONS.stream())
		.toList();

	/**
	 * The options the image's build records its AOT cache with: the {@code ENTRYPOINT}'s,
	 * but the cache's own.
	 */
	private static final List<String> CACHE_RECORDING_OPTIONS = ENTRYPOINT_OPTIONS.stream()
		.filter((option) -> !option.startsWith("-XX:AOTCache="))
		.toList();

	private static final String APP_JAR = "app.jar";

	/**
	 * Where the image unpacks native libraries, as {@code -Djava.library.path} names it.
	 */
	private static final String NATIVE = "native";

	private static final Duration POLL = Duration.ofMillis(20);

	private static final Duration READY_BOUND = Duration.ofSeconds(120);

	private final String name;

	private final Process process;

	private final Path log;

	private final ServiceClient client;

	private final double readySeconds;

	private ShippedService(String name, Process process, Path log, ServiceClient client, double readySeconds) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.client = client;
		this.readySeconds = readySeconds;
	}

	/**
	 * Extracts a service's executable jar, unpacks RocksDB's native library and records
	 * its AOT cache as the image's build does (the scripts the Dockerfile runs; the
	 * cache's gets the {@code ENTRYPOINT}'s options but the cache's own), then checks
	 * that the JVM accepts the cache with the image's flags ({@code -XX:AOTMode=on}
	 * refuses to start with one that does not match the jars, the JDK or the options), so
	 * that a start timed without it cannot pass for a start with it.
	 * @param jar the jar
	 * @param directory an empty or missing directory
	 * @return the directory
	 */
	static Path extract(Path jar, Path directory) {
		Path log = directory.resolveSibling(directory.getFileName() + "-extract.log");
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--application-filename", APP_JAR,
				"--destination", directory.toString()), directory.getParent(), log);
		run(List.of("sh", imageScript("extract-native-libraries.sh"), "lib", NATIVE), directory, log);
		List<String> record = new ArrayList<>(List.of("sh", imageScript("record-aot-cache.sh")));
		record.addAll(CACHE_RECORDING_OPTIONS);
		run(record, directory, log);
		List<String> check = new ArrayList<>(List.of(java()));
		check.addAll(IMAGE_JVM_FLAGS);
		check.addAll(List.of("-XX:AOTMode=on", "-cp", APP_JAR, "-version"));
		run(check, directory, log);
		return directory;
	}

	private static String imageScript(String name) {
		return Path.of(System.getProperty("eventsuite.jars"), "deploy", "docker", name).toString();
	}

	private static void run(List<String> command, Path directory, Path log) {
		try {
			Files.createDirectories(directory);
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			// The image's build runs its script with the image's java.
			builder.environment().put("PATH", Path.of(java()).getParent() + File.pathSeparator + System.getenv("PATH"));
			Process process = builder.start();
			if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("Failed: " + String.join(" ", command) + "; see " + log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a service and waits until it is ready.
	 * @param name the service
	 * @param extracted its extracted jar
	 * @param bootstrapServers the broker
	 * @param log where its output goes
	 * @return the ready service, to be closed
	 */
	static ShippedService start(String name, Path extracted, String bootstrapServers, Path log) {
		int port = KafkaCluster.freePort();
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(IMAGE_JVM_FLAGS);
		command.addAll(List.of("-jar", APP_JAR, "--server.port=" + port));
		ServiceClient client = ServiceClient.onPort(port);
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).directory(extracted.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
			long started = System.nanoTime();
			Process process = builder.start();
			long ready = awaitReady(name, process, client, log);
			try {
				NativeLibraries.requireLoadedFrom(process, extracted.resolve(NATIVE));
			}
			catch (RuntimeException ex) {
				ServiceProcess.stop(process, Duration.ZERO);
				throw ex;
			}
			return new ShippedService(name, process, log, client, (ready - started) / 1e9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Every 20 ms from the start, each answer timed when it arrives: the first ready
	// answer bounds the moment of readiness from above by at most one poll and one
	// request.
	private static long awaitReady(String name, Process process, ServiceClient client, Path log) {
		AtomicLong ready = new AtomicLong();
		try {
			await(name + " ready").atMost(READY_BOUND)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL)
				.ignoreExceptionsMatching((ex) -> !(ex instanceof IllegalStateException))
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException(name + " exited with " + process.exitValue());
					}
					HttpResponse<String> health = client.get("/actuator/health/readiness");
					ready.set(System.nanoTime());
					return health.statusCode() == 200 && health.body().contains("\"UP\"");
				});
			return ready.get();
		}
		catch (ConditionTimeoutException | IllegalStateException ex) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " did not become ready; see " + log, ex);
		}
	}

	String name() {
		return this.name;
	}

	/**
	 * From starting the process to its first ready answer.
	 * @return seconds
	 */
	double readySeconds() {
		return this.readySeconds;
	}

	/**
	 * The JVM's uptime when Spring Boot logged that it had started.
	 * @return seconds, empty if the line was not found
	 */
	OptionalDouble springStartedSeconds() {
		try {
			return StartedLine.processRunningFor(Files.readAllLines(this.log));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ServiceClient client() {
		return this.client;
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * The peak resident set size so far.
	 * @return MB
	 */
	double peakRssMb() {
		return PeakRss.megabytes(this.process.pid());
	}

	/**
	 * Asks the service to stop (SIGTERM, graceful shutdown) without waiting, so that
	 * several stop at once.
	 */
	void stop() {
		this.process.destroy();
	}

	@Override
	public void close() {
		ServiceProcess.stop(this.process, Duration.ofSeconds(45));
	}

	private static String java() {
		return ServiceJava.executable();
	}

	static List<String> entrypointJvmOptions() {
		Path dockerfile = Path.of(System.getProperty("eventsuite.jars"), "Dockerfile");
		try {
			String entrypoint = Files.readAllLines(dockerfile)
				.stream()
				.filter((line) -> line.startsWith("ENTRYPOINT"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No ENTRYPOINT in " + dockerfile));
			List<String> words = QUOTED.matcher(entrypoint).results().map((match) -> match.group(1)).toList();
			return words.subList(words.indexOf("java") + 1, words.indexOf("-jar"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
