package io.eventsuite.order.domain;

import java.util.List;

/**
 * A customer's most recent orders, newest first, as the {@value #STORE} store answers for
 * a customer id. The store holds one summary per order (see the view package's
 * {@code CustomerOrdersIndex}), so that an order costs the same to index whatever the
 * customer's history.
 *
 * @param orders at most {@value #MAX_ORDERS} summaries, newest placement first
 */
public record CustomerOrders(List<OrderSummary> orders) {

	/** The state store of the customers' orders, queried by customer id. */
	public static final String STORE = "customer-orders";

	/** How many orders a list keeps; older ones drop off the end. */
	public static final int MAX_ORDERS = 100;

	public CustomerOrders {
		orders = List.copyOf(orders);
	}

	/**
	 * An empty list.
	 * @return the list
	 */
	public static CustomerOrders none() {
		return new CustomerOrders(List.of());
	}

	/**
	 * The newest orders.
	 * @param limit how many at most
	 * @return the first {@code limit} orders
	 */
	public List<OrderSummary> newest(int limit) {
		return this.orders.subList(0, Math.min(limit, this.orders.size()));
	}

}
