package io.eventsuite.order.view;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.RawTopicReader;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TestKafkaBroker;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KafkaIntegrationTest
class OrderViewIntegrationTests {

	@LocalServerPort
	int port;

	private ServiceClient client;

	@BeforeEach
	void setUp() {
		this.client = ServiceClient.onPort(this.port);
		// Reads answer 503 until Kafka Streams is RUNNING; a fresh context may still be
		// starting.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.client.get("/api/orders/" + UUID.randomUUID()).statusCode() == 404);
	}

	@Test
	void theFirstReadAfterA202FindsTheOrder() {
		for (int i = 0; i < 20; i++) {
			JsonNode accepted = ServiceClient.json(this.client.postJson("/api/orders", order("ryw-" + i)));
			String orderId = accepted.get("orderId").asString();

			HttpResponse<String> read = this.client.get("/api/orders/" + orderId);

			assertThat(read.statusCode()).as("first read of %s: %s", orderId, read.body()).isEqualTo(200);
			JsonNode view = ServiceClient.json(read);
			assertThat(view.get("status").asString()).isEqualTo("PLACED");
			assertThat(view.get("customerId").asString()).isEqualTo("ryw-" + i);
			assertThat(view.get("total").decimalValue()).isEqualByComparingTo("25.00");
			assertThat(view.get("items")).hasSize(2);
		}
	}

	@Test
	void anUnknownOrderIsA404Problem() {
		HttpResponse<String> read = this.client.get("/api/orders/" + UUID.randomUUID());

		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(ServiceClient.json(read).get("title").asString()).isEqualTo("Order not found");
	}

	@Test
	void cancellingIsReadBackAndASecondCancelIsAConflict() {
		String orderId = placed("cancel-twice");

		HttpResponse<String> first = cancel(orderId);
		HttpResponse<String> read = this.client.get("/api/orders/" + orderId);
		HttpResponse<String> second = cancel(orderId);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(ServiceClient.json(read).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(ServiceClient.json(read).get("cancelReason").asString()).isEqualTo("changed my mind");
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void cancelsRacingEachOtherOnOneInstancePublishOneCancellation() throws Exception {
		String orderId = placed("cancel-race");
		int racing = 8;
		CyclicBarrier start = new CyclicBarrier(racing);
		boolean accepted;
		ExecutorService clients = Executors.newFixedThreadPool(racing);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < racing; i++) {
				statuses.add(clients.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return cancel(orderId).statusCode();
				}));
			}
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answered.add(status.get(30, TimeUnit.SECONDS));
			}

			// 503 when the first request's read of the view outwaits its second on a busy
			// machine, and the requests that joined it share that answer.
			assertThat(answered).allMatch((status) -> status == 202 || status == 409 || status == 503);
			accepted = answered.contains(202);
		}
		finally {
			clients.shutdownNow();
		}
		// Every answer is in: the topic holds all the cancellations there will be.
		try (TopicReader orders = TopicReader.of("orders")) {
			assertThat(orders.readToEnd())
				.filteredOn((r) -> r.value().data() instanceof OrderCancelled cancelled
						&& cancelled.orderId().toString().equals(orderId))
				.hasSize(accepted ? 1 : 0);
		}
	}

	@Test
	void cancellingAnUnknownOrderIsA404() {
		HttpResponse<String> response = cancel(UUID.randomUUID().toString());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void aCustomersOrdersAreListedNewestFirstWithTheirCurrentStatus() {
		String customer = "list-" + UUID.randomUUID();
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			placed.add(placed(customer));
		}
		cancel(placed.get(1));

		JsonNode list = await().atMost(Duration.ofSeconds(10))
			.until(() -> ServiceClient.json(this.client.get("/api/customers/" + customer + "/orders")),
					(body) -> body.get("orders").size() == 3
							&& "CANCELLED".equals(body.get("orders").get(1).get("status").asString()));
		assertThat(list.get("orders")).extracting((view) -> view.get("orderId").asString())
			.containsExactly(placed.get(2), placed.get(1), placed.get(0));

		JsonNode limited = ServiceClient.json(this.client.get("/api/customers/" + customer + "/orders?limit=2"));
		assertThat(limited.get("orders")).hasSize(2);
	}

	@Test
	void aCustomerWithoutOrdersHasAnEmptyList() {
		HttpResponse<String> response = this.client.get("/api/customers/nobody-" + UUID.randomUUID() + "/orders");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ServiceClient.json(response).get("orders")).isEmpty();
	}

	@Test
	void aLimitOutOfRangeIsA400Problem() {
		HttpResponse<String> response = this.client.get("/api/customers/anyone/orders?limit=0");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAndTheViewMovesOn() throws Exception {
		assertDeadLetteredAndPassed("{not json".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void anUnreadableRecordOfMegabytesGoesToTheDeadLetterTopicAndTheViewMovesOn() throws Exception {
		// Compressed, it passes the broker's 1 MB limit; as read and as dead-lettered it
		// is 3 MB.
		assertDeadLetteredAndPassed(
				("{\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	private void assertDeadLetteredAndPassed(byte[] value) throws Exception {
		String key = UUID.randomUUID().toString();
		int partition;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
						ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
						16 * 1024 * 1024),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> poison = new ProducerRecord<>("orders", key, value);
			poison.headers()
				.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
				.add("ce_type", "eventsuite.order.placed.v1".getBytes(StandardCharsets.UTF_8))
				.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
			partition = producer.send(poison).get(30, TimeUnit.SECONDS).partition();
		}

		try (RawTopicReader deadLetters = RawTopicReader.of("order-service-streams-dlt")) {
			ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord((r) -> key.equals(r.key()));
			assertThat(deadLetter.value()).isEqualTo(value);
			assertThat(header(deadLetter, "__streams.errors.topic")).isEqualTo("orders");
			assertThat(header(deadLetter, "__streams.errors.partition")).isEqualTo(String.valueOf(partition));
			assertThat(header(deadLetter, "__streams.errors.exception")).contains("InvalidCloudEventException");
		}
		// An order behind the unreadable record on the same partition is read back: the
		// view skipped the record and committed past it.
		String behind = await().atMost(Duration.ofSeconds(30))
			.until(() -> ServiceClient.json(this.client.postJson("/api/orders", order("behind-the-poison"))),
					(accepted) -> accepted.get("partition").asInt() == partition)
			.get("orderId")
			.asString();
		assertThat(this.client.get("/api/orders/" + behind).statusCode()).isEqualTo(200);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private String placed(String customerId) {
		HttpResponse<String> response = this.client.postJson("/api/orders", order(customerId));
		assertThat(response.statusCode()).isEqualTo(202);
		return ServiceClient.json(response).get("orderId").asString();
	}

	private HttpResponse<String> cancel(String orderId) {
		return this.client.postJson("/api/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}");
	}

	private static String order(String customerId) {
		return """
				{"customerId":"%s","currency":"EUR",
				 "items":[{"sku":"A","quantity":2,"unitPrice":7.50},{"sku":"B","quantity":1,"unitPrice":10}]}"""
			.formatted(customerId);
	}

}
