package io.eventsuite.order.domain;

import java.util.UUID;

/**
 * No order with this id was ever placed; the order view is caught up, so this is certain.
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(UUID orderId) {
		super("No order " + orderId);
	}

}
