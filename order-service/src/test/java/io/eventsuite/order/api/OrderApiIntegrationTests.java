package io.eventsuite.order.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ProducerFactory;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KafkaIntegrationTest
class OrderApiIntegrationTests {

	private static final int PARTITIONS = 6;

	@LocalServerPort
	int port;

	private ServiceClient client;

	private TopicReader orders;

	@BeforeEach
	void setUp() {
		this.client = ServiceClient.onPort(this.port);
		this.orders = TopicReader.of("orders");
		// Cancelling reads the order view, which answers once Kafka Streams runs.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.client.get("/actuator/health/readiness").statusCode() == 200);
	}

	@AfterEach
	void tearDown() {
		this.orders.close();
	}

	@Test
	void acceptedOrderReportsWhereTheBrokerWroteIt() {
		HttpResponse<String> response = this.client.postJson("/api/orders", order("customer-1", "EUR"));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = ServiceClient.json(response);
		String orderId = body.get("orderId").asString();
		assertThat(body.get("status").asString()).isEqualTo("PLACED");
		assertThat(body.get("topic").asString()).isEqualTo("orders");
		assertThat(response.headers().firstValue("Location")).contains("/api/orders/" + orderId);

		int partition = body.get("partition").asInt();
		long offset = body.get("offset").asLong();
		ConsumerRecord<String, CloudEvent<DomainEvent>> record = this.orders
			.awaitRecord((r) -> r.partition() == partition && r.offset() == offset);
		assertThat(record.key()).isEqualTo(orderId);
		OrderPlaced placed = (OrderPlaced) record.value().data();
		assertThat(placed.orderId()).hasToString(orderId);
		assertThat(placed.customerId()).isEqualTo("customer-1");
		assertThat(placed.total()).isEqualByComparingTo("40.49");
		assertThat(header(record, "ce_type")).isEqualTo("eventsuite.order.placed.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/eventsuite/order-service");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(record.headers().lastHeader("__TypeId__")).as("no Spring type header").isNull();
	}

	@Test
	void sameKeyAlwaysLandsOnSamePartitionAsKafkasMurmur2() {
		for (int i = 0; i < 20; i++) {
			JsonNode placed = ServiceClient.json(this.client.postJson("/api/orders", order("customer-" + i, "EUR")));
			String orderId = placed.get("orderId").asString();
			int expected = Utils.toPositive(Utils.murmur2(orderId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
			assertThat(placed.get("partition").asInt()).as("partition of %s", orderId).isEqualTo(expected);

			HttpResponse<String> cancelled = this.client.postJson("/api/orders/" + orderId + "/cancel",
					"{\"customerId\":\"customer-" + i + "\",\"reason\":\"changed my mind\"}");
			assertThat(cancelled.statusCode()).isEqualTo(202);
			assertThat(ServiceClient.json(cancelled).get("partition").asInt()).isEqualTo(expected);
			assertThat(ServiceClient.json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
		}
	}

	@Test
	void cancellationIsPublishedAfterThePlacementOnTheSamePartition() {
		String orderId = ServiceClient.json(this.client.postJson("/api/orders", order("customer-c", "EUR")))
			.get("orderId")
			.asString();
		this.client.postJson("/api/orders/" + orderId + "/cancel", "{\"reason\":\"late\"}");

		List<ConsumerRecord<String, CloudEvent<DomainEvent>>> events = this.orders.awaitRecords(2,
				(r) -> orderId.equals(r.key()));
		assertThat(events).<Class<?>>extracting((r) -> r.value().data().getClass())
			.containsExactly(OrderPlaced.class, OrderCancelled.class);
		assertThat(events.get(1).offset()).isGreaterThan(events.get(0).offset());
		assertThat(((OrderCancelled) events.get(1).value().data()).customerId())
			.as("the customer comes from the order view")
			.isEqualTo("customer-c");
	}

	@Test
	void retryWithTheSameIdempotencyKeyPlacesOneOrder() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = this.client.postJson("/api/orders", order("customer-2", "EUR"), "Idempotency-Key",
				key);
		HttpResponse<String> retry = this.client.postJson("/api/orders", order("customer-2", "EUR"), "Idempotency-Key",
				key);
		HttpResponse<String> otherCustomer = this.client.postJson("/api/orders", order("customer-3", "EUR"),
				"Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(retry.statusCode()).isEqualTo(202);
		String orderId = ServiceClient.json(first).get("orderId").asString();
		assertThat(ServiceClient.json(retry).get("orderId").asString()).isEqualTo(orderId);
		assertThat(ServiceClient.json(otherCustomer).get("orderId").asString()).isNotEqualTo(orderId);
		assertThat(this.orders.readToEnd()).filteredOn((r) -> orderId.equals(r.key())).hasSize(1);
	}

	@Test
	void idempotencyKeyReusedForAnotherOrderIsRefused() {
		String key = UUID.randomUUID().toString();
		this.client.postJson("/api/orders", order("customer-4", "EUR"), "Idempotency-Key", key);

		HttpResponse<String> different = this.client.postJson("/api/orders", order("customer-4", "USD"),
				"Idempotency-Key", key);

		assertThat(different.statusCode()).isEqualTo(422);
		assertThat(different.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void invalidOrderIsRejectedNamingEachBadField() {
		HttpResponse<String> response = this.client.postJson("/api/orders", """
				{"customerId":"", "currency":"XYZ",
				 "items":[{"sku":"SKU-1","quantity":0,"unitPrice":-1}]}""");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = ServiceClient.json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("currency", "customerId", "items[0].quantity", "items[0].unitPrice");
	}

	@Test
	void orderWithoutItemsIsRejected() {
		HttpResponse<String> response = this.client.postJson("/api/orders",
				"{\"customerId\":\"c\",\"currency\":\"EUR\",\"items\":[]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(ServiceClient.json(response).get("errors").get(0).get("field").asString()).isEqualTo("items");
	}

	@Test
	void malformedJsonWrongContentTypeAndOversizedBodiesGetProblemDetails() {
		assertProblem(this.client.postJson("/api/orders", "{\"customerId\": "), 400);
		assertProblem(this.client.post("/api/orders", "text/plain", order("c", "EUR")), 415);
		assertProblem(this.client.postJson("/api/orders", "{\"customerId\":\"" + "x".repeat(70_000) + "\"}"), 413);
		assertProblem(this.client.postJson("/api/orders/not-a-uuid/cancel", "{\"customerId\":\"c\",\"reason\":\"r\"}"),
				400);
		assertProblem(this.client.postJson("/api/orders", order("c", "EUR"), "Idempotency-Key", "k".repeat(200)), 400);
	}

	@Test
	void aChunkedBodyThatGrowsTooLargeGetsA413WhereverTheParserIsWhenItDoes() {
		String padding = "x".repeat(70_000);
		// Inside a property's value, inside a property the request does not have, and
		// between two tokens.
		assertProblem(this.client.postJsonChunked("/api/orders", "{\"customerId\":\"" + padding + "\"}"), 413);
		assertProblem(
				this.client.postJsonChunked("/api/orders",
						order("c", "EUR").replace("{\"customerId\"", "{\"note\":\"" + padding + "\",\"customerId\"")),
				413);
		assertProblem(this.client.postJsonChunked("/api/orders", "{" + " ".repeat(70_000) + "\"customerId\":\"c\"}"),
				413);
	}

	@Test
	void producerRunsWithAcksAllAndIdempotence(org.springframework.context.ApplicationContext context) {
		ProducerFactory<?, ?> factory = context.getBean(ProducerFactory.class);
		Map<String, Object> config = new HashMap<>(factory.getConfigurationProperties());

		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
		assertThat(new ProducerConfig(config).getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(ServiceClient.json(response).get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

	static String order(String customerId, String currency) {
		return """
				{"customerId":"%s","currency":"%s",
				 "items":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99},{"sku":"SKU-2","quantity":1,"unitPrice":0.51}]}"""
			.formatted(customerId, currency);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
