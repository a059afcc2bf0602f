package io.eventsuite.order.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A customer's most recent orders, newest first: the {@value #STORE} store, keyed by
 * customer id, that Kafka Streams derives from the order views.
 *
 * @param orders at most {@value #MAX_ORDERS} summaries, newest placement first
 */
public record CustomerOrders(List<OrderSummary> orders) {

	/** The state store of the lists, keyed by customer id. */
	public static final String STORE = "customer-orders";

	/** How many orders a list keeps; older ones drop off the end. */
	public static final int MAX_ORDERS = 100;

	private static final Comparator<OrderSummary> NEWEST_FIRST = Comparator.comparing(OrderSummary::placedAt)
		.reversed()
		.thenComparing(OrderSummary::orderId);

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
	 * This list with an order added, or replacing the same order.
	 * @param order the order
	 * @return the new list, still newest first and bounded
	 */
	public CustomerOrders with(OrderSummary order) {
		List<OrderSummary> next = new ArrayList<>(without(order.orderId()).orders());
		next.add(order);
		next.sort(NEWEST_FIRST);
		return new CustomerOrders((next.size() > MAX_ORDERS) ? next.subList(0, MAX_ORDERS) : next);
	}

	/**
	 * This list without an order.
	 * @param orderId the order
	 * @return the new list
	 */
	public CustomerOrders without(UUID orderId) {
		return new CustomerOrders(this.orders.stream().filter((order) -> !order.orderId().equals(orderId)).toList());
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
