package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that arrives again with the same {@code ce_id} has no second effect.
 */
@KafkaIntegrationTest
class IdempotentConsumerIntegrationTests {

	@BeforeAll
	static void ordersTopicExists() {
		EventWriter.ensureTopic("orders");
	}

	@Test
	void theSameEventTwiceYieldsOneNotification() {
		UUID orderId = UUID.randomUUID();
		String customer = "customer-" + UUID.randomUUID();
		try (EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			CloudEvent<DomainEvent> placed = orders.write("orders", OrderPlaced.of(orderId, customer,
					List.of(new OrderLine("SKU", 1, BigDecimal.ONE)), "EUR", Instant.now()));
			orders.write("orders", placed);
			// Same key, so same partition: once this is notified, the duplicate before it
			// has been handled too.
			CloudEvent<DomainEvent> sentinel = orders.write("orders",
					new OrderCancelled(orderId, customer, "sentinel", Instant.now()));

			notifications.awaitRecord((r) -> sentinel.id().equals(sourceEventId(r.value().data())));

			assertThat(notifications.readToEnd()).filteredOn((r) -> placed.id().equals(sourceEventId(r.value().data())))
				.hasSize(1);
		}
	}

	private static String sourceEventId(Object event) {
		return (event instanceof NotificationSent notification) ? notification.sourceEventId() : null;
	}

}
