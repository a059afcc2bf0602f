package io.eventsuite.order.messaging;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import io.eventsuite.events.Topics;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.support.kafka.Delivery;
import io.eventsuite.support.kafka.EventPublisher;

/**
 * The one writer of the {@code orders} topic. Events are keyed by order id, so every
 * event of one order lands on the same partition and is read in the order it was written.
 */
@Component
public class OrderEventPublisher {

	private final EventPublisher publisher;

	OrderEventPublisher(EventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Publishes an order event.
	 * @param event the event
	 * @return completes when the broker acknowledged the event, as {@code acks} defines
	 * it
	 */
	public CompletableFuture<Delivery> publish(OrderEvent event) {
		return this.publisher.publish(Topics.ORDERS, event);
	}

}
