package io.eventsuite.order.health;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.eventsuite.test.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the Kafka cluster and the Kafka Streams application, liveness does
 * not: the service keeps running while its broker, a real KRaft broker in its own
 * process, is stopped and started again, reads answer a fast {@code 503} meanwhile, and
 * the order views answer again afterwards without a restart. The broker is this test's
 * own, not the shared one, because it is stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eventsuite.health.kafka.interval=500ms", "eventsuite.health.kafka.timeout=1s",
				"management.endpoint.health.group.readiness.show-details=always" })
@DirtiesContext
class ReadinessIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(30);

	@TempDir
	static Path workDir;

	private static BrokerProcess broker;

	private static String clusterId;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> broker.bootstrapServers());
	}

	@BeforeAll
	static void startBroker() {
		broker = BrokerProcess.inDirectory(workDir);
		clusterId = broker.start();
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void readinessIsOutOfServiceWhileTheBrokerIsDownAndLivenessStaysUp() {
		ServiceClient client = ServiceClient.onPort(this.port);
		HttpResponse<String> ready = awaitStatus(client, "/actuator/health/readiness", 200);
		assertThat(ready.body()).contains("\"cluster\"", clusterId, "\"streams\"", "\"RUNNING\"");

		broker.stop();

		HttpResponse<String> notReady = awaitStatus(client, "/actuator/health/readiness", 503);
		assertThat(notReady.body()).contains("\"OUT_OF_SERVICE\"", "cluster not reachable");
		assertThat(client.get("/readyz").statusCode()).isEqualTo(503);
		await("liveness staying UP while the broker is down").during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> client.get("/actuator/health/liveness").statusCode() == 200);
		assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		long started = System.nanoTime();
		HttpResponse<String> read = client.get("/api/orders/" + UUID.randomUUID());
		assertThat(read.statusCode()).as("a read while the broker is down").isEqualTo(503);
		assertThat(read.headers().firstValue("Retry-After")).isPresent();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

		assertThat(broker.start()).isEqualTo(clusterId);

		HttpResponse<String> readyAgain = awaitStatus(client, "/actuator/health/readiness", 200);
		assertThat(readyAgain.body()).contains("\"UP\"", clusterId, "\"RUNNING\"");
		HttpResponse<String> readAgain = await("reads answering again").atMost(BOUND)
			.until(() -> client.get("/api/orders/" + UUID.randomUUID()), (response) -> response.statusCode() == 404);
		assertThat(readAgain.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> awaitStatus(ServiceClient client, String path, int status) {
		return await(path + " answering " + status).atMost(BOUND)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get(path), (response) -> response.statusCode() == status);
	}

}
