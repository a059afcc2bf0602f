package io.eventsuite.notification.orders;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.kafka.Delivery;

/**
 * Consumes {@code orders} in the {@code notification-service} group and publishes one
 * notification per order event. The listener returns only after the broker confirmed the
 * notification, and the container commits the offset only after the listener returned: a
 * crash in between redelivers the event rather than losing the notification.
 */
@Component
class OrderEventsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private static final long PUBLISH_TIMEOUT_SECONDS = 30;

	private final NotificationPublisher publisher;

	private final Clock clock = Clock.systemUTC();

	OrderEventsListener(NotificationPublisher publisher) {
		this.publisher = publisher;
	}

	@KafkaListener(id = "order-notifications", groupId = "${eventsuite.notifications.group-id:notification-service}",
			topics = "#{@eventTopics.name('orders')}")
	void on(ConsumerRecord<String, CloudEvent<DomainEvent>> record)
			throws InterruptedException, ExecutionException, TimeoutException {
		CloudEvent<DomainEvent> event = record.value();
		if (!(event.data() instanceof OrderEvent)) {
			throw new IllegalArgumentException("Not an order event: " + event.type());
		}
		@SuppressWarnings("unchecked")
		CloudEvent<OrderEvent> orderEvent = (CloudEvent<OrderEvent>) (CloudEvent<?>) event;
		NotificationSent notification = OrderNotifications.of(orderEvent, this.clock.instant());
		Delivery delivery = this.publisher.publish(notification).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		log.info("Notified user={} of event id={} type={} topic={} partition={} offset={} as notification={} offset={}",
				notification.userId(), event.id(), event.type(), record.topic(), record.partition(), record.offset(),
				notification.notificationId(), delivery.offset());
	}

}
