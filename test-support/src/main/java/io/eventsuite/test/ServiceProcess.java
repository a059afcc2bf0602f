package io.eventsuite.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A service's own executable jar running as a separate JVM, as it runs in production. The
 * jar is {@code <eventsuite.jars>/<name>/target/<name>-<eventsuite.version>.jar} (system
 * properties), run by the JDK its image runs ({@link ServiceJava}); its output goes to a
 * file under {@code eventsuite.logs}.
 */
public final class ServiceProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private final int port;

	private ServiceProcess(String name, Process process, Path log, int port) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts a service on a free port and waits until it reports itself ready.
	 * @param name the module name, for example {@code order-service}
	 * @param bootstrapServers the broker
	 * @param args more command-line arguments, such as
	 * {@code --eventsuite.topics.orders.replicas=3}
	 * @return the ready process, to be closed
	 */
	public static ServiceProcess start(String name, String bootstrapServers, String... args) {
		Path jar = Path.of(System.getProperty("eventsuite.jars"), name, "target",
				name + "-" + System.getProperty("eventsuite.version") + ".jar");
		Path log = Path.of(System.getProperty("eventsuite.logs"), name + "-" + System.nanoTime() + ".log");
		int port = KafkaCluster.freePort();
		List<String> command = new ArrayList<>(
				List.of(ServiceJava.executable(), "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port));
		command.addAll(List.of(args));
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
			ServiceProcess service = new ServiceProcess(name, builder.start(), log, port);
			service.awaitReady();
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The module name it was started as.
	 * @return for example {@code order-service}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * A client of the service's HTTP port.
	 * @return the client
	 */
	public ServiceClient client() {
		return ServiceClient.onPort(this.port);
	}

	private void awaitReady() {
		try {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue());
				}
				HttpResponse<String> health = client().get("/actuator/health/readiness");
				return health.statusCode() == 200 && health.body().contains("UP");
			});
		}
		catch (ConditionTimeoutException | IllegalStateException ex) {
			close();
			throw new IllegalStateException(this.name + " did not become ready; its log:\n" + tail(), ex);
		}
	}

	/**
	 * The last lines of the service's log, for failure messages.
	 * @return up to 80 lines
	 */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** Ends the service the hard way: SIGKILL, no shutdown hooks, nothing flushed. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The operating system's id of the service's JVM, for {@code jcmd} and the like.
	 * @return the process id
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Whether the JVM still runs.
	 * @return {@code true} until it exited
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stops the service the way an orchestrator does: SIGTERM, then a bounded wait for
	 * graceful shutdown.
	 */
	@Override
	public void close() {
		stop(this.process, Duration.ofSeconds(30));
	}

	/**
	 * Stops any service process the way an orchestrator does: SIGTERM, a bounded wait for
	 * graceful shutdown, then SIGKILL.
	 * @param process the process
	 * @param grace how long graceful shutdown may take
	 */
	public static void stop(Process process, Duration grace) {
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
