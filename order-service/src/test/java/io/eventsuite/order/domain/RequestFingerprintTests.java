package io.eventsuite.order.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.eventsuite.events.order.OrderLine;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTests {

	private static final PlaceOrder ORDER = new PlaceOrder("customer-1",
			List.of(new OrderLine("SKU-1", 2, new BigDecimal("19.99")), new OrderLine("SKU-2", 1, new BigDecimal("5"))),
			"EUR");

	@Test
	void theSameOrderHasTheSameFingerprint() {
		PlaceOrder again = new PlaceOrder("customer-1", List.of(new OrderLine("SKU-1", 2, new BigDecimal("19.99")),
				new OrderLine("SKU-2", 1, new BigDecimal("5"))), "EUR");

		assertThat(RequestFingerprint.of(again)).isEqualTo(RequestFingerprint.of(ORDER));
	}

	@Test
	void anOrderThatDiffersInAnyFieldHasAnotherFingerprint() {
		List<PlaceOrder> others = List.of(new PlaceOrder("customer-2", ORDER.items(), "EUR"),
				new PlaceOrder("customer-1", ORDER.items(), "USD"),
				new PlaceOrder("customer-1", List.of(ORDER.items().get(0)), "EUR"),
				new PlaceOrder("customer-1", List.of(ORDER.items().get(1), ORDER.items().get(0)), "EUR"),
				withFirstLine(new OrderLine("SKU-3", 2, new BigDecimal("19.99"))),
				withFirstLine(new OrderLine("SKU-1", 3, new BigDecimal("19.99"))),
				withFirstLine(new OrderLine("SKU-1", 2, new BigDecimal("19.98"))),
				// Equal in value, not as records: the fingerprint follows the records.
				withFirstLine(new OrderLine("SKU-1", 2, new BigDecimal("19.990"))));

		for (PlaceOrder other : others) {
			assertThat(other).isNotEqualTo(ORDER);
			assertThat(RequestFingerprint.of(other)).as(other.toString()).isNotEqualTo(RequestFingerprint.of(ORDER));
		}
	}

	@Test
	void textsThatJoinToTheSameCharactersStayApart() {
		PlaceOrder one = new PlaceOrder("c1", List.of(new OrderLine("AB", 1, BigDecimal.ONE)), "EUR");
		PlaceOrder other = new PlaceOrder("c1E", List.of(new OrderLine("AB", 1, BigDecimal.ONE)), "UR");

		assertThat(RequestFingerprint.of(other)).isNotEqualTo(RequestFingerprint.of(one));
	}

	private static PlaceOrder withFirstLine(OrderLine line) {
		return new PlaceOrder("customer-1", List.of(line, ORDER.items().get(1)), "EUR");
	}

}
