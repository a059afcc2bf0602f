package io.eventsuite.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's list is merged from the parts every partition of the index holds.
 */
class CustomerOrdersTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void partsMergeNewestFirst() {
		OrderSummary first = placed(T0);
		OrderSummary second = placed(T0.plusSeconds(1));
		OrderSummary third = placed(T0.plusSeconds(2));
		OrderSummary fourth = placed(T0.plusSeconds(3));

		CustomerOrders merged = CustomerOrders.merge(new CustomerOrders(List.of(fourth, first)),
				new CustomerOrders(List.of(third, second)));

		assertThat(merged.orders()).containsExactly(fourth, third, second, first);
	}

	@Test
	void ordersPlacedAtTheSameInstantSortByOrderIdAsTheIndexDoes() {
		OrderSummary a = placed(UUID.fromString("0a000000-0000-0000-0000-000000000000"), T0);
		OrderSummary b = placed(UUID.fromString("b0000000-0000-0000-0000-000000000000"), T0);

		assertThat(CustomerOrders.merge(new CustomerOrders(List.of(b)), new CustomerOrders(List.of(a))).orders())
			.containsExactly(a, b);
	}

	@Test
	void anOrderInBothPartsIsListedOnce() {
		OrderSummary order = placed(T0);

		assertThat(
				CustomerOrders.merge(new CustomerOrders(List.of(order)), new CustomerOrders(List.of(order))).orders())
			.containsExactly(order);
	}

	@Test
	void theMergedListKeepsOnlyTheNewestOrders() {
		List<OrderSummary> older = new ArrayList<>();
		List<OrderSummary> newer = new ArrayList<>();
		for (int i = CustomerOrders.MAX_ORDERS - 1; i >= 0; i--) {
			older.add(placed(T0.plusSeconds(i)));
			newer.add(placed(T0.plusSeconds(1000 + i)));
		}

		CustomerOrders merged = CustomerOrders.merge(new CustomerOrders(older), new CustomerOrders(newer));

		assertThat(merged.orders()).containsExactlyElementsOf(newer);
	}

	private static OrderSummary placed(Instant placedAt) {
		return placed(UUID.randomUUID(), placedAt);
	}

	private static OrderSummary placed(UUID orderId, Instant placedAt) {
		return new OrderSummary(orderId, OrderStatus.PLACED, new BigDecimal("9.50"), "EUR", placedAt, null);
	}

}
