package io.eventsuite.notification.orders;

import java.util.concurrent.CompletableFuture;

import io.eventsuite.events.Topics;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.support.kafka.Delivery;
import io.eventsuite.support.kafka.EventPublisher;

/**
 * The one writer of {@code notifications}, keyed by user id. It writes through the
 * transactional producer of {@link OrdersTransactionConfiguration}, inside the
 * transaction of the order event being handled.
 */
class NotificationPublisher {

	private final EventPublisher publisher;

	NotificationPublisher(EventPublisher publisher) {
		this.publisher = publisher;
	}

	CompletableFuture<Delivery> publish(NotificationSent notification) {
		return this.publisher.publish(Topics.NOTIFICATIONS, notification);
	}

}
