package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.kafka.Delivery;
import io.eventsuite.support.kafka.EventPublisher;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PublishProperties;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure that passes is retried in place: the event is handled once it succeeds, and
 * the next event of the same order waits for it instead of overtaking it. The failure is
 * injected in the service's own publisher; Kafka is real.
 */
@KafkaIntegrationTest(properties = { "spring.main.allow-bean-definition-overriding=true",
		"eventsuite.topics.orders.name=" + TransientFailureIntegrationTests.ORDERS })
class TransientFailureIntegrationTests {

	/**
	 * A topic of its own, so that no other test's application context handles these
	 * events with a sound publisher.
	 */
	static final String ORDERS = "orders-transient-test";

	static final String FLAKY_CUSTOMER = "flaky-" + UUID.randomUUID();

	@Autowired
	FlakyNotificationPublisher publisher;

	@BeforeAll
	static void ordersTopicExists() {
		EventWriter.ensureTopic(ORDERS);
	}

	@Test
	void aPassingFailureIsRetriedAndTheNextEventOfTheSameOrderWaitsForIt() {
		UUID orderId = UUID.randomUUID();
		try (EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			CloudEvent<DomainEvent> placed = orders.write(ORDERS, OrderPlaced.of(orderId, FLAKY_CUSTOMER,
					List.of(new OrderLine("SKU", 1, BigDecimal.ONE)), "EUR", Instant.now()));
			CloudEvent<DomainEvent> cancelled = orders.write(ORDERS,
					new OrderCancelled(orderId, FLAKY_CUSTOMER, "changed my mind", Instant.now()));

			List<ConsumerRecord<String, CloudEvent<DomainEvent>>> notified = notifications.awaitRecords(2,
					(r) -> FLAKY_CUSTOMER.equals(r.key()));

			assertThat(this.publisher.failures).hasValue(FlakyNotificationPublisher.FAILURES);
			assertThat(notified).extracting((r) -> ((NotificationSent) r.value().data()).sourceEventId())
				.containsExactly(placed.id(), cancelled.id());
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyPublisherConfiguration {

		@Bean
		FlakyNotificationPublisher notificationPublisher(
				OrdersTransactionConfiguration.NotificationTransactions transactions, EventTopics topics,
				PublishProperties publish) {
			return new FlakyNotificationPublisher(new EventPublisher(transactions.template(), topics,
					URI.create("/eventsuite/notification-service"), publish.timeout()));
		}

	}

	/**
	 * Fails the first notifications of one customer as a briefly unavailable dependency
	 * would, then works.
	 */
	static class FlakyNotificationPublisher extends NotificationPublisher {

		static final int FAILURES = 2;

		final AtomicInteger failures = new AtomicInteger();

		FlakyNotificationPublisher(EventPublisher publisher) {
			super(publisher);
		}

		@Override
		CompletableFuture<Delivery> publish(NotificationSent notification) {
			if (FLAKY_CUSTOMER.equals(notification.userId()) && this.failures.get() < FAILURES) {
				this.failures.incrementAndGet();
				throw new IllegalStateException("dependency briefly unavailable");
			}
			return super.publish(notification);
		}

	}

}
