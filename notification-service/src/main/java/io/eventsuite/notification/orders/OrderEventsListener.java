package io.eventsuite.notification.orders;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.kafka.BatchDeadLetters;

/**
 * Consumes {@code orders} in the {@code notification-service} group and publishes one
 * notification per order event. Each poll's records are handled as one batch inside one
 * Kafka transaction that also commits their offsets (see
 * {@link OrdersTransactionConfiguration}): one commit per poll instead of one per event,
 * which is what lets the service keep up with thousands of orders a second. A record that
 * fails is retried in place and then dead-lettered inside the same transaction
 * ({@link BatchDeadLetters}), so it neither blocks its partition nor takes the batch
 * down. An event whose {@code ce_id} was already handled is skipped; ids are remembered
 * only once the transaction commits, so a rolled-back batch is retried rather than
 * skipped.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private final NotificationPublisher publisher;

	private final BatchDeadLetters deadLetters;

	private final ProcessedEvents processed;

	private final Clock clock = Clock.systemUTC();

	OrderEventsListener(NotificationPublisher publisher, BatchDeadLetters orderDeadLetters,
			OrdersProperties properties) {
		this.publisher = publisher;
		this.deadLetters = orderDeadLetters;
		this.processed = new ProcessedEvents(properties.rememberedEvents(), properties.rememberedSize().toBytes());
	}

	@KafkaListener(id = "order-notifications", groupId = "${eventsuite.notifications.group-id:notification-service}",
			topics = "#{@eventTopics.name('orders')}",
			containerFactory = OrdersTransactionConfiguration.CONTAINER_FACTORY, batch = "true",
			properties = "#{@staticMembership.properties('order-notifications')}")
	void on(List<ConsumerRecord<String, CloudEvent<DomainEvent>>> records) {
		Set<String> handled = new HashSet<>();
		this.deadLetters.forEach(records, (record) -> notify(record, handled));
		rememberOnCommit(handled);
		log.debug("Handled a batch of {} order events, {} notified", records.size(), handled.size());
	}

	private void notify(ConsumerRecord<String, CloudEvent<DomainEvent>> record, Set<String> handled) {
		CloudEvent<DomainEvent> event = record.value();
		if (!(event.data() instanceof OrderEvent)) {
			throw new IllegalArgumentException("Not an order event: " + event.type());
		}
		if (handled.contains(event.id()) || this.processed.contains(event.id())) {
			log.info("Skipped duplicate event id={} type={} topic={} partition={} offset={}", event.id(), event.type(),
					record.topic(), record.partition(), record.offset());
			return;
		}
		@SuppressWarnings("unchecked")
		CloudEvent<OrderEvent> orderEvent = (CloudEvent<OrderEvent>) (CloudEvent<?>) event;
		NotificationSent notification = OrderNotifications.of(orderEvent, this.clock.instant());
		// The last step that may fail: a retry after a failure never finds this event's
		// notification already in the transaction.
		this.publisher.publish(notification);
		handled.add(event.id());
		// Checked first, as for every event: its arguments (an array, the offset boxed)
		// would otherwise be built with debug off too.
		if (log.isDebugEnabled()) {
			log.debug("Notified user={} of event id={} type={} topic={} partition={} offset={} as notification={}",
					notification.userId(), event.id(), event.type(), record.topic(), record.partition(),
					record.offset(), notification.notificationId());
		}
	}

	private void rememberOnCommit(Set<String> eventIds) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				eventIds.forEach(OrderEventsListener.this.processed::add);
			}

		});
	}

}
