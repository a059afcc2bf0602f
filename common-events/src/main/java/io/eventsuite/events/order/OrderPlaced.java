package io.eventsuite.events.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer placed an order.
 *
 * @param orderId the order
 * @param customerId who placed it
 * @param items what was ordered, at least one line
 * @param total the sum of the line totals
 * @param currency ISO 4217 code of every amount in the order
 * @param placedAt when the order was accepted
 */
public record OrderPlaced(UUID orderId, String customerId, List<OrderLine> items, BigDecimal total, String currency,
		Instant placedAt) implements OrderEvent {

	public OrderPlaced {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(placedAt, "placedAt");
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("an order has at least one item");
		}
	}

	/**
	 * Places an order, computing its total from its lines.
	 * @param orderId the order
	 * @param customerId who places it
	 * @param items what is ordered
	 * @param currency ISO 4217 code
	 * @param placedAt when
	 * @return the event
	 */
	public static OrderPlaced of(UUID orderId, String customerId, List<OrderLine> items, String currency,
			Instant placedAt) {
		BigDecimal total = items.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new OrderPlaced(orderId, customerId, items, total, currency, placedAt);
	}

	@Override
	public Instant occurredAt() {
		return this.placedAt;
	}

}
