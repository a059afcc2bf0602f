package io.eventsuite.order.api;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ProducerFactory;

import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * acks is plain configuration: with {@code spring.kafka.producer.acks=0} the same code
 * answers without waiting for the broker, and so cannot know the offset.
 */
@KafkaIntegrationTest(properties = "spring.kafka.producer.acks=0")
class AcksZeroIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProducerFactory<?, ?> producerFactory;

	@Test
	void acksComeFromPropertiesAndIdempotenceStepsAside() {
		Map<String, Object> config = new HashMap<>(this.producerFactory.getConfigurationProperties());

		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "0");
		assertThat(new ProducerConfig(config).getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isFalse();
	}

	@Test
	void offsetIsUnknownWithAcksZero() {
		HttpResponse<String> response = ServiceClient.onPort(this.port)
			.postJson("/api/orders", OrderApiIntegrationTests.order("customer-0", "EUR"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = ServiceClient.json(response);
		assertThat(body.get("offset").isNull()).isTrue();
		String orderId = body.get("orderId").asString();
		try (TopicReader orders = TopicReader.of("orders")) {
			assertThat(orders.awaitRecord((r) -> orderId.equals(r.key())).partition())
				.isEqualTo(body.get("partition").asInt());
		}
	}

}
