package io.eventsuite.order.api;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.events.Topics;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.RawTopicReader;
import io.eventsuite.test.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What another language's consumer and an operator see: the bytes on the wire, and the
 * Actuator endpoints.
 */
@KafkaIntegrationTest
class WireAndActuatorIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void recordOnTheWireIsValidAgainstTheEventTypesSchema() throws Exception {
		String orderId = ServiceClient
			.json(ServiceClient.onPort(this.port).postJson("/api/orders", OrderApiIntegrationTests.order("c-1", "EUR")))
			.get("orderId")
			.asString();

		try (RawTopicReader orders = RawTopicReader.of("orders");
				InputStream schemaJson = getClass().getClassLoader()
					.getResourceAsStream(Topics.ORDERS.typeOf(OrderPlaced.class).schemaResource())) {
			ConsumerRecord<String, byte[]> record = orders.awaitRecord((r) -> orderId.equals(r.key()));
			Schema schema = SchemaRegistry
				.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
						(builder) -> builder
							.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
				.getSchema(schemaJson);
			assertThat(schema.validate(new String(record.value(), StandardCharsets.UTF_8), InputFormat.JSON)).isEmpty();
			assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
				.isEqualTo("eventsuite.order.placed.v1");
		}
	}

	@Test
	void actuatorExposesHealthGroupsInfoAndPrometheusOnly() {
		ServiceClient client = ServiceClient.onPort(this.port);

		assertThat(client.get("/actuator/health/liveness").body()).contains("\"UP\"");
		assertThat(client.get("/actuator/health/readiness").body()).contains("\"UP\"");
		HttpResponse<String> info = client.get("/actuator/info");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"java\"");
		HttpResponse<String> prometheus = client.get("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("kafka_producer");
		assertThat(client.get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(client.get("/actuator/beans").statusCode()).isEqualTo(404);
	}

}
