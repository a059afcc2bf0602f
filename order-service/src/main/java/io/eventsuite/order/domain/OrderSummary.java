package io.eventsuite.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a customer's order list: what a list shows, without the order's items, so
 * that a list of {@value CustomerOrders#MAX_ORDERS} orders stays a few kilobytes whatever
 * the orders hold (a state store value travels as one record, which Kafka limits to 1
 * MB).
 *
 * @param orderId the order
 * @param status placed or cancelled
 * @param total the order's total
 * @param currency ISO 4217 code of the total
 * @param placedAt when it was placed
 * @param cancelledAt when it was cancelled, {@code null} while it is not
 */
public record OrderSummary(UUID orderId, OrderStatus status, BigDecimal total, String currency, Instant placedAt,
		Instant cancelledAt) {

	/**
	 * The summary of an order's view.
	 * @param view the view
	 * @return its summary
	 */
	public static OrderSummary of(OrderView view) {
		return new OrderSummary(view.orderId(), view.status(), view.total(), view.currency(), view.placedAt(),
				view.cancelledAt());
	}

}
