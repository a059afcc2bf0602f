package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order event that arrives while the orders listener has nothing to do is handled at
 * once, not when the listener's poll ends. Kafka's 4.2 consumer of the new group protocol
 * waits out the rest of {@code poll()}'s timeout after a fetch that came back empty
 * before it fetches again (KAFKA-20780); with spring-kafka's default poll timeout of 5 s
 * such an event waited up to about 4.5 s. The suite's
 * {@code spring.kafka.listener.poll-timeout} bounds that wait: with the default this test
 * fails.
 */
@KafkaIntegrationTest
class IdleListenerIntegrationTests {

	// Longer than the broker's fetch.max.wait.ms (500 ms), so that the listener's fetch
	// has come back empty when the next order arrives.
	private static final Duration IDLE = Duration.ofMillis(1200);

	// The wait it had with the default poll timeout: 5 s less the idle time and the
	// empty fetch.
	private static final Duration HANDLED_WITHIN = Duration.ofSeconds(2);

	@BeforeAll
	static void ordersTopicExists() {
		EventWriter.ensureTopic("orders");
	}

	@Test
	void orderArrivingWhileTheListenerIdlesIsHandledWithinTwoSeconds() {
		String customer = "customer-" + UUID.randomUUID();
		// Each order is written a while after the last one was notified: the idle gap is
		// the scenario under test, not a wait for something to happen.
		Executor afterIdling = CompletableFuture.delayedExecutor(IDLE.toMillis(), TimeUnit.MILLISECONDS);
		try (EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			for (int i = 0; i < 3; i++) {
				CloudEvent<DomainEvent> placed = CompletableFuture
					.supplyAsync(() -> orders.write("orders", order(customer)), afterIdling)
					.join();

				NotificationSent sent = (NotificationSent) notifications
					.awaitRecord((record) -> record.value().data() instanceof NotificationSent notification
							&& notification.sourceEventId().equals(placed.id()))
					.value()
					.data();
				assertThat(Duration.between(placed.time(), sent.sentAt())).as("order %d handled after", i + 1)
					.isLessThan(HANDLED_WITHIN);
			}
		}
	}

	private static OrderPlaced order(String customer) {
		return OrderPlaced.of(UUID.randomUUID(), customer, List.of(new OrderLine("SKU-1", 1, new BigDecimal("4.50"))),
				"EUR", Instant.now());
	}

}
