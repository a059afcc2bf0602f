package io.eventsuite.order.api;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.test.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no broker to talk to, the API must answer fast and plainly: a 503 problem within
 * the bound, not a hung request or a stack trace. Nothing listens on port 1 of the
 * loopback interface.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.operation-timeout=1s" })
class BrokerDownIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Test
	void brokerDownIsA503WithinTheBound() {
		long start = System.nanoTime();
		HttpResponse<String> response = ServiceClient.onPort(this.port)
			.postJson("/api/orders", OrderApiIntegrationTests.order("customer-1", "EUR"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(took).isLessThanOrEqualTo(BOUND);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).contains("5");
		assertThat(ServiceClient.json(response).get("topic").asString()).isEqualTo("orders");
		assertThat(response.body()).doesNotContain("Exception");
	}

}
