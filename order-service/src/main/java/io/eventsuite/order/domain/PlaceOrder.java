package io.eventsuite.order.domain;

import java.util.List;

import io.eventsuite.events.order.OrderLine;

/**
 * A customer's request to place an order.
 *
 * @param customerId who orders
 * @param items what
 * @param currency ISO 4217 code
 */
public record PlaceOrder(String customerId, List<OrderLine> items, String currency) {

	public PlaceOrder {
		items = List.copyOf(items);
	}

}
