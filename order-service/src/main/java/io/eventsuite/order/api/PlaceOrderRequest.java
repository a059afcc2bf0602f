package io.eventsuite.order.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.eventsuite.events.order.OrderLine;
import io.eventsuite.order.domain.PlaceOrder;
import io.eventsuite.support.web.MaxCharacters;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param customerId who orders
 * @param items what, one to a hundred lines
 * @param currency ISO 4217 code
 */
record PlaceOrderRequest(@NotBlank @MaxCharacters(64) String customerId,
		@NotEmpty @Size(max = 100) List<@NotNull @Valid Item> items, @NotNull @IsoCurrency String currency) {

	PlaceOrder toCommand() {
		return new PlaceOrder(this.customerId,
				this.items.stream()
					.map((item) -> new OrderLine(item.sku(), item.quantity(), item.unitPrice()))
					.toList(),
				this.currency);
	}

	/**
	 * One line of the order.
	 *
	 * @param sku the stock keeping unit
	 * @param quantity how many
	 * @param unitPrice the price of one, with at most four decimals
	 */
	record Item(@NotBlank @MaxCharacters(64) String sku, @NotNull @Min(1) @Max(10_000) Integer quantity,
			@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal unitPrice) {
	}

}
