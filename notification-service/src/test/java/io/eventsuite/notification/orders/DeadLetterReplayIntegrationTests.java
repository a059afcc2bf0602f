package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a fix, the operator replays a topic's dead letters: each is handled once, however
 * often the replay runs.
 */
@KafkaIntegrationTest(properties = "eventsuite.topics.orders.name=" + DeadLetterReplayIntegrationTests.ORDERS)
class DeadLetterReplayIntegrationTests {

	/**
	 * A topic of its own: other tests leave poison pills in {@code orders-dlt}, which a
	 * replay would send round again.
	 */
	static final String ORDERS = "orders-replay-test";

	@LocalServerPort
	int port;

	@BeforeAll
	static void topicsExist() {
		EventWriter.ensureTopic(ORDERS);
	}

	@Test
	void replayReinjectsDeadLettersOnceEvenWhenRunTwice() {
		UUID orderId = UUID.randomUUID();
		String customer = "customer-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);
		try (EventWriter writer = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			// What an earlier failure left in the dead-letter topic.
			CloudEvent<DomainEvent> deadLettered = writer.write(ORDERS + "-dlt", OrderPlaced.of(orderId, customer,
					List.of(new OrderLine("SKU", 1, BigDecimal.ONE)), "EUR", Instant.now()));

			HttpResponse<String> first = client.postJson("/admin/dead-letters/orders/replay", "");
			HttpResponse<String> second = client.postJson("/admin/dead-letters/orders/replay", "");

			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(ServiceClient.json(first).get("replayed").asInt()).isEqualTo(1);
			assertThat(ServiceClient.json(first).get("complete").asBoolean()).isTrue();
			assertThat(ServiceClient.json(first).get("deadLetterTopic").asString()).isEqualTo(ORDERS + "-dlt");
			assertThat(ServiceClient.json(second).get("replayed").asInt()).as("nothing new to replay").isZero();
			// Same key, same partition: once the sentinel is notified, the replayed event
			// has been handled.
			CloudEvent<DomainEvent> sentinel = writer.write(ORDERS,
					new OrderCancelled(orderId, customer, "sentinel", Instant.now()));
			notifications.awaitRecord((r) -> sentinel.id().equals(sourceEventId(r.value().data())));
			assertThat(notifications.readToEnd())
				.filteredOn((r) -> deadLettered.id().equals(sourceEventId(r.value().data())))
				.hasSize(1);
		}
	}

	@Test
	void unknownTopicIsNotFound() {
		HttpResponse<String> response = ServiceClient.onPort(this.port)
			.postJson("/admin/dead-letters/no-such-topic/replay", "");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	private static String sourceEventId(Object event) {
		return (event instanceof NotificationSent notification) ? notification.sourceEventId() : null;
	}

}
