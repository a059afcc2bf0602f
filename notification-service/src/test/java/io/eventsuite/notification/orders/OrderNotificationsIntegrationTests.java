package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
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

	@Test
	void unknownUserHasNoNotificationsAndBadUserIdIsRejected() {
		ServiceClient client = ServiceClient.onPort(this.port);

		assertThat(ServiceClient.json(client.get("/api/notifications/nobody-" + UUID.randomUUID())).isEmpty()).isTrue();
		HttpResponse<String> invalid = client.get("/api/notifications/" + "x".repeat(65));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

}
