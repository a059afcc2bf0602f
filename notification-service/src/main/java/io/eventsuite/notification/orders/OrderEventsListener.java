package io.eventsuite.notification.orders;

import java.time.Clock;

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

/**
 * Consumes {@code orders} in the {@code notification-service} group and publishes one
 * notification per order event, inside a Kafka transaction that also commits the consumed
 * offset (see {@link OrdersTransactionConfiguration}). An event whose {@code ce_id} was
 * already handled is skipped; its id is remembered only once the transaction commits, so
 * a rolled-back attempt is retried rather than skipped.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private final NotificationPublisher publisher;

	private final ProcessedEvents processed;

	private final Clock clock = Clock.systemUTC();

	OrderEventsListener(NotificationPublisher publisher, OrdersProperties properties) {
		this.publisher = publisher;
		this.processed = new ProcessedEvents(properties.rememberedEvents());
	}

	@KafkaListener(id = "order-notifications", groupId = "${eventsuite.notifications.group-id:notification-service}",
			topics = "#{@eventTopics.name('orders')}",
			containerFactory = OrdersTransactionConfiguration.CONTAINER_FACTORY,
			properties = "#{@staticMembership.properties('order-notifications')}")
	void on(ConsumerRecord<String, CloudEvent<DomainEvent>> record) {
		CloudEvent<DomainEvent> event = record.value();
		if (!(event.data() instanceof OrderEvent)) {
			throw new IllegalArgumentException("Not an order event: " + event.type());
		}
		if (this.processed.contains(event.id())) {
			log.info("Skipped duplicate event id={} type={} topic={} partition={} offset={}", event.id(), event.type(),
					record.topic(), record.partition(), record.offset());
			return;
		}
		@SuppressWarnings("unchecked")
		CloudEvent<OrderEvent> orderEvent = (CloudEvent<OrderEvent>) (CloudEvent<?>) event;
		NotificationSent notification = OrderNotifications.of(orderEvent, this.clock.instant());
		this.publisher.publish(notification);
		rememberOnCommit(event.id());
		log.info("Notified user={} of event id={} type={} topic={} partition={} offset={} as notification={}",
				notification.userId(), event.id(), event.type(), record.topic(), record.partition(), record.offset(),
				notification.notificationId());
	}

	private void rememberOnCommit(String eventId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				OrderEventsListener.this.processed.add(eventId);
			}

		});
	}

}
