package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.notification.NotificationServiceApplication;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.ServiceInstance;
import io.eventsuite.test.TopicReader;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer group is a queue: two instances in one group split the partitions of
 * {@code orders}, and every event is handled by exactly one of them.
 */
class ConsumerGroupIntegrationTests {

	private static final int EVENTS = 60;

	/**
	 * A topic of its own: application contexts other test classes leave running consume
	 * {@code orders} in their groups, and would notify these events too.
	 */
	private static final String ORDERS = "orders-group-test";

	@Test
	void oneGroupAcrossTwoInstancesSplitsThePartitionsAndHandlesEachEventOnce() {
		EventWriter.ensureTopic(ORDERS);
		String run = UUID.randomUUID().toString();
		String group = "notification-service-" + run;
		// Within the contract's 64 characters: a longer customerId is dead-lettered.
		String customer = "group-test-" + run;
		try (ServiceInstance first = ServiceInstance.start(NotificationServiceApplication.class,
				"eventsuite.notifications.group-id=" + group, "eventsuite.topics.orders.name=" + ORDERS);
				ServiceInstance second = ServiceInstance.start(NotificationServiceApplication.class,
						"eventsuite.notifications.group-id=" + group, "eventsuite.topics.orders.name=" + ORDERS);
				EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications")) {
			// One snapshot of both assignments, checked as a whole: reading them again
			// after the wait could catch a later reconciliation half done.
			List<Collection<TopicPartition>> split = await().atMost(Duration.ofSeconds(60))
				.until(() -> List.of(assigned(first), assigned(second)), (both) -> !both.get(0).isEmpty()
						&& !both.get(1).isEmpty() && both.get(0).size() + both.get(1).size() == 6);
			Set<TopicPartition> union = new HashSet<>(split.get(0));
			assertThat(union).doesNotContainAnyElementsOf(split.get(1));
			union.addAll(split.get(1));
			assertThat(union).hasSize(6);

			Set<String> written = new HashSet<>();
			for (int i = 0; i < EVENTS; i++) {
				written.add(
						orders
							.write(ORDERS,
									OrderPlaced.of(UUID.randomUUID(), customer,
											List.of(new OrderLine("SKU", 1, BigDecimal.ONE)), "EUR", Instant.now()))
							.id());
			}

			notifications.awaitRecords(EVENTS, (r) -> written.contains(sourceEventId(r.value().data())));
			Map<String, Long> perEvent = notifications.readToEnd()
				.stream()
				.map((r) -> sourceEventId(r.value().data()))
				.filter(written::contains)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(perEvent).hasSize(EVENTS);
			assertThat(perEvent.values()).as("notifications per order event").containsOnly(1L);
		}
	}

	private static Collection<TopicPartition> assigned(ServiceInstance instance) {
		MessageListenerContainer container = instance.context()
			.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("order-notifications");
		Collection<TopicPartition> partitions = container.getAssignedPartitions();
		return (partitions != null) ? partitions : List.of();
	}

	private static String sourceEventId(Object event) {
		return (event instanceof NotificationSent notification) ? notification.sourceEventId() : null;
	}

}
