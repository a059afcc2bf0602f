package io.eventsuite.events.order;

import java.util.UUID;

import io.eventsuite.events.DomainEvent;

/**
 * An event of the {@code orders} topic.
 */
public sealed interface OrderEvent extends DomainEvent permits OrderPlaced, OrderCancelled {

	UUID orderId();

	String customerId();

	@Override
	default String key() {
		return orderId().toString();
	}

}
