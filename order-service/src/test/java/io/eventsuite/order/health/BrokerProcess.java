package io.eventsuite.order.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.awaitility.core.ConditionTimeoutException;

import io.eventsuite.kafkalocal.LocalKafka;
import io.eventsuite.test.KafkaCluster;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker in its own JVM, started by kafka-local's launcher as
 * {@code run.sh} starts it, that a test can stop (SIGTERM) and start again on the same
 * ports and data.
 */
final class BrokerProcess implements AutoCloseable {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private final List<String> command;

	private final Path output;

	private Process process;

	private BrokerProcess(List<String> command, Path output) {
		this.command = command;
		this.output = output;
	}

	/**
	 * A broker on free ports with its data in a directory; not started yet.
	 * @param workDir where the data and the broker's output go
	 * @return the broker
	 */
	static BrokerProcess inDirectory(Path workDir) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// Found together, so that the two can never be the same port.
		int[] ports = KafkaCluster.freePorts(2);
		List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
				"-Dlogback.configurationFile=broker-process-logback.xml", LocalKafka.class.getName(), "--data-dir",
				workDir.resolve("data").toString(), "--port", String.valueOf(ports[0]), "--controller-port",
				String.valueOf(ports[1]));
		return new BrokerProcess(command, workDir.resolve("broker.log"));
	}

	/**
	 * Where clients reach the broker.
	 * @return its bootstrap servers
	 */
	String bootstrapServers() {
		return "localhost:" + this.command.get(this.command.indexOf("--port") + 1);
	}

	/**
	 * Starts the broker and waits until it answers.
	 * @return the cluster id, the same on every start
	 */
	String start() {
		try {
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.output.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(2000);
			return await("broker answering on " + bootstrapServers()).atMost(BOUND)
				.pollInterval(Duration.ofMillis(500))
				.failFast("the broker process exited", () -> !this.process.isAlive())
				.ignoreExceptions()
				.until(() -> admin.describeCluster(options).clusterId().get(), Objects::nonNull);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "\n" + output(), ex);
		}
	}

	/**
	 * Stops the broker the way an orchestrator does, with SIGTERM, and waits until it
	 * ended.
	 */
	void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
				throw new AssertionError("The broker did not stop within " + BOUND + "\n" + output());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			return "No output in " + this.output + ": " + ex;
		}
	}

	// A test that failed half-way must not leave a broker behind.
	@Override
	public void close() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

}
