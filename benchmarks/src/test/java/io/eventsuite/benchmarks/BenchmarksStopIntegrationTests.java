package io.eventsuite.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.eventsuite.test.ServiceJava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark stopped with {@code SIGTERM} takes the processes it started with it: its
 * broker and its producer JVMs must not run on and load the cores under the next
 * benchmark.
 */
class BenchmarksStopIntegrationTests {

	@Test
	@EnabledOnOs(OS.LINUX)
	void aBenchmarkStoppedWithSigtermStopsItsBrokerAndProducerJvms() throws IOException {
		Path log = Files.createDirectories(Path.of("target", "stop-test")).resolve("harness.log");
		// On the services' Java, as the jar would start itself again, from this test's
		// class path (so the jar's start on another JDK, which starts this JVM as its
		// child, is not part of the test); the tuning matrix starts a broker, then a
		// producer JVM.
		Process harness = new ProcessBuilder(ServiceJava.executable(), "-cp", System.getProperty("java.class.path"),
				Benchmarks.class.getName(), "tuning", "--payloads=order", "--rows=16k:5", "--compressions=none",
				"--acks=all", "--seconds=60", "--out=target/stop-test")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		List<ProcessHandle> started = List.of();
		try {
			await().atMost(Duration.ofSeconds(90))
				.until(() -> harness.descendants().filter(ProcessHandle::isAlive).count() >= 2);
			started = harness.descendants().toList();

			harness.destroy();

			await().atMost(Duration.ofSeconds(30)).until(() -> !harness.isAlive());
			// The hook waits for them before the harness exits, so they are gone already.
			assertThat(started).as("processes the harness started, see %s", log).noneMatch(ProcessHandle::isAlive);
		}
		finally {
			harness.destroyForcibly();
			started.forEach(ProcessHandle::destroyForcibly);
		}
	}

}
