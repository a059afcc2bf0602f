package io.eventsuite.kafkalocal;

import java.io.IOException;
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
import org.awaitility.core.TerminalFailureException;

import static org.awaitility.Awaitility.await;

/**
 * The launcher in its own JVM, the way {@code run.sh} starts it, so that exit codes,
 * signals and Kafka's shutdown hook behave as they do for real. Its output goes to a file
 * that failures quote.
 */
final class LocalKafkaProcess implements AutoCloseable {

	static final Duration BOUND = Duration.ofSeconds(60);

	private final Process process;

	private final Path output;

	private LocalKafkaProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Starts {@link LocalKafka} with this JVM's classpath.
	 * @param output the file that receives the launcher's stdout and stderr
	 * @param args the launcher's arguments
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	static LocalKafkaProcess start(Path output, String... args) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				LocalKafka.class.getName());
		builder.command().addAll(List.of(args));
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		return new LocalKafkaProcess(builder.start(), output);
	}

	/**
	 * Waits until an admin client can describe the cluster, failing at once if the
	 * process exits first.
	 * @param bootstrapServers where the broker should answer
	 * @return the cluster id
	 */
	String awaitClusterId(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(2000);
			return await("broker answering on " + bootstrapServers).atMost(BOUND)
				.pollInterval(Duration.ofMillis(500))
				.failFast("the broker process exited", () -> !this.process.isAlive())
				.ignoreExceptions()
				.until(() -> admin.describeCluster(options).clusterId().get(), Objects::nonNull);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError(ex.getMessage() + "\n" + output(), ex);
		}
	}

	/**
	 * Sends SIGTERM and waits for the process to end.
	 * @return whether it ended within the bound
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean stop() throws InterruptedException {
		this.process.destroy();
		return this.process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
	}

	/**
	 * Waits for the process to end by itself.
	 * @return its exit status, or {@code null} if it still runs after the bound
	 * @throws InterruptedException if interrupted while waiting
	 */
	Integer awaitExit() throws InterruptedException {
		return this.process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS) ? this.process.exitValue() : null;
	}

	/**
	 * What the launcher printed so far.
	 * @return its output
	 */
	String output() {
		try {
			return "Output of " + this.output + ":\n" + Files.readString(this.output);
		}
		catch (IOException ex) {
			return "No output in " + this.output + ": " + ex;
		}
	}

	// A test that failed half-way must not leave a broker behind.
	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
