package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.SseClient;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KafkaIntegrationTest
class OrderNotificationsIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeAll
	static void ordersTopicExists() {
		EventWriter.ensureTopic("orders");
	}

	@Test
	void placedOrderReachesTheCustomersLiveStreamAndRecentList() {
		String customer = "customer-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);
		try (SseClient stream = SseClient.connect(client.uri("/api/notifications/" + customer + "/stream"));
				EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			CloudEvent<DomainEvent> placed = orders.write("orders", OrderPlaced.of(UUID.randomUUID(), customer,
					List.of(new OrderLine("SKU-1", 2, new BigDecimal("4.50"))), "EUR", Instant.now()));

			JsonNode live = stream.awaitEvents(1).get(0);
			assertThat(live.get("kind").asString()).isEqualTo("ORDER_PLACED");
			assertThat(live.get("userId").asString()).isEqualTo(customer);
			assertThat(live.get("sourceEventId").asString()).isEqualTo(placed.id());
			assertThat(live.get("body").asString()).contains("9.00 EUR");

			ConsumerRecord<String, CloudEvent<DomainEvent>> record = notifications
				.awaitRecord((r) -> customer.equals(r.key()));
			NotificationSent sent = (NotificationSent) record.value().data();
			assertThat(sent.sourceEventId()).isEqualTo(placed.id());
			assertThat(sent.notificationId()).hasToString(live.get("notificationId").asString());

			HttpResponse<String> recent = client.get("/api/notifications/" + customer);
			assertThat(recent.statusCode()).isEqualTo(200);
			assertThat(ServiceClient.json(recent).get(0).get("sourceEventId").asString()).isEqualTo(placed.id());
		}
	}

	@Test
	void aCustomerWhoReconnectsGetsTheNotificationsMissedMeanwhileFirst() {
		String customer = "customer-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);
		String stream = "/api/notifications/" + customer + "/stream";
		try (EventWriter orders = EventWriter.as("/eventsuite/order-service")) {
			String lastSeen;
			try (SseClient beforeLeaving = SseClient.connect(client.uri(stream))) {
				orders.write("orders", placed(customer));
				beforeLeaving.awaitEvents(1);
				lastSeen = beforeLeaving.ids().get(0);
			}
			String missedFirst = orders.write("orders", placed(customer)).id();
			String missedSecond = orders.write("orders", placed(customer)).id();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ServiceClient.json(client.get("/api/notifications/" + customer)).size() == 3);

			try (SseClient resumed = SseClient.resume(client.uri(stream), lastSeen)) {
				assertThat(resumed.awaitEvents(2)).extracting((event) -> event.get("sourceEventId").asString())
					.containsExactly(missedFirst, missedSecond);
				String next = orders.write("orders", placed(customer)).id();

				assertThat(resumed.awaitEvents(3)).extracting((event) -> event.get("sourceEventId").asString())
					.containsExactly(missedFirst, missedSecond, next);
			}
		}
	}

	@Test
	void aNotificationOverTheContractsLimitsIsDeadLetteredAndTheUsersListGoesOn() {
		String customer = "customer-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);
		try (EventWriter foreign = EventWriter.as("/elsewhere");
				EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader deadLetters = TopicReader.of("notifications-dlt")) {
			CloudEvent<DomainEvent> tooLong = foreign.write("notifications",
					new NotificationSent(UUID.randomUUID(), customer, NotificationKind.ORDER_PLACED, "t",
							"b".repeat(NotificationSent.MAX_BODY + 1), "elsewhere-1", Instant.now()));
			String next = orders.write("orders", placed(customer)).id();

			await().atMost(Duration.ofSeconds(30))
				.until(() -> ServiceClient.json(client.get("/api/notifications/" + customer)),
						(recent) -> recent.size() == 1 && recent.get(0).get("sourceEventId").asString().equals(next));
			ConsumerRecord<String, CloudEvent<DomainEvent>> dead = deadLetters
				.awaitRecord((r) -> r.value().id().equals(tooLong.id()));
			assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
					StandardCharsets.UTF_8))
				.contains("body 2001, source event id");
		}
	}

	@Test
	void cancelledOrderIsNotifiedToo() {
		String customer = "customer-" + UUID.randomUUID();
		try (EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			CloudEvent<DomainEvent> cancelled = orders.write("orders",
					new OrderCancelled(UUID.randomUUID(), customer, "out of stock", Instant.now()));

			NotificationSent sent = (NotificationSent) notifications.awaitRecord((r) -> customer.equals(r.key()))
				.value()
				.data();
			assertThat(sent.kind()).isEqualTo(NotificationKind.ORDER_CANCELLED);
			assertThat(sent.body()).contains("out of stock");
			assertThat(sent.sourceEventId()).isEqualTo(cancelled.id());
		}
	}

	private static OrderPlaced placed(String customer) {
		return OrderPlaced.of(UUID.randomUUID(), customer, List.of(new OrderLine("SKU-1", 1, new BigDecimal("1.00"))),
				"EUR", Instant.now());
	}

	@Test
	void unknownUserHasNoNotificationsAndBadUserIdIsRejected() {
		ServiceClient client = ServiceClient.onPort(this.port);

		assertThat(ServiceClient.json(client.get("/api/notifications/nobody-" + UUID.randomUUID())).isEmpty()).isTrue();
		HttpResponse<String> invalid = client.get("/api/notifications/" + "x".repeat(65));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

}
