package io.eventsuite.notification.health;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;

import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose listener container stopped cannot do its work, so it is not ready; it
 * is alive, and ready again as soon as the container runs. Every {@code @KafkaListener}
 * of the service is checked, whatever its id.
 */
@KafkaIntegrationTest(properties = { "eventsuite.health.kafka.interval=500ms",
		"management.endpoint.health.group.readiness.show-details=always" })
@DirtiesContext
class ListenerReadinessIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Test
	void stoppedListenerContainerMakesTheServiceNotReadyButLeavesItAlive() {
		ServiceClient client = ServiceClient.onPort(this.port);
		assertThat(this.registry.getListenerContainers()).isNotEmpty();
		awaitStatus(client, "/actuator/health/readiness", 200);

		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			container.stop();

			HttpResponse<String> notReady = awaitStatus(client, "/actuator/health/readiness", 503);
			assertThat(notReady.body()).contains("\"listeners\"", "\"" + container.getListenerId() + "\":\"stopped\"");
			assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

			container.start();
			awaitStatus(client, "/actuator/health/readiness", 200);
		}
	}

	private static HttpResponse<String> awaitStatus(ServiceClient client, String path, int status) {
		return await(path + " answering " + status).atMost(BOUND)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get(path), (response) -> response.statusCode() == status);
	}

}
