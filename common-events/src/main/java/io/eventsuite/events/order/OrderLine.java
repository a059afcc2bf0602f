package io.eventsuite.events.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order.
 *
 * @param sku the stock keeping unit
 * @param quantity how many, at least one
 * @param unitPrice the price of one unit, never negative
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(unitPrice, "unitPrice");
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1");
		}
		if (unitPrice.signum() < 0) {
			throw new IllegalArgumentException("unitPrice must not be negative");
		}
	}

	/**
	 * The line total; exact, because {@link BigDecimal} multiplication never rounds.
	 * @return quantity times unit price
	 */
	public BigDecimal lineTotal() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
