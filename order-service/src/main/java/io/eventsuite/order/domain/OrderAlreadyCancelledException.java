package io.eventsuite.order.domain;

import java.util.UUID;

/**
 * The order to cancel is cancelled already.
 */
public class OrderAlreadyCancelledException extends RuntimeException {

	public OrderAlreadyCancelledException(UUID orderId) {
		super("Order " + orderId + " is already cancelled");
	}

}
