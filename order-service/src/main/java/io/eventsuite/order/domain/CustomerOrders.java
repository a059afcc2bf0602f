package io.eventsuite.order.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A customer's most recent orders, newest first, as the {@value #STORE} store answers for
 * a customer id. The store holds one entry per order (see the view package's
 * {@code CustomerOrdersIndex}), so that an order costs the same to index whatever the
 * customer's history, in the partition of the order: a customer's list is merged from
 * every partition.
 *
 * @param orders at most {@value #MAX_ORDERS} summaries, newest placement first
 */
public record CustomerOrders(List<OrderSummary> orders) {

	/** The state store of the customers' orders, queried by customer id. */
	public static final String STORE = "customer-orders";

	/** How many orders a list keeps; older ones drop off the end. */
	public static final int MAX_ORDERS = 100;

	// As the index sorts them: newest placement first, then by order id as text.
	private static final Comparator<OrderSummary> NEWEST_FIRST = Comparator
		.comparing(OrderSummary::placedAt, Comparator.reverseOrder())
		.thenComparing((order) -> order.orderId().toString());

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
	 * Merges two parts of a customer's orders, each newest first, as the partitions of
	 * the store hold them: the newest {@value #MAX_ORDERS} of both, newest first, an
	 * order in both once.
	 * @param some some of the orders
	 * @param others others
	 * @return the merged list
	 */
	public static CustomerOrders merge(CustomerOrders some, CustomerOrders others) {
		Map<UUID, OrderSummary> byOrder = new LinkedHashMap<>();
		Stream.concat(some.orders.stream(), others.orders.stream())
			.sorted(NEWEST_FIRST)
			.forEach((order) -> byOrder.putIfAbsent(order.orderId(), order));
		return new CustomerOrders(byOrder.values().stream().limit(MAX_ORDERS).toList());
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
