package io.eventsuite.benchmarks.latency;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationWatchTests {

	@Test
	void findsTheOrderIdInANotificationOfAPlacedOrder() {
		UUID orderId = UUID.randomUUID();

		assertThat(NotificationWatch
			.orderIdIn("Your order %s of 1 item(s) totalling 12.50 EUR was placed.".formatted(orderId)))
			.contains(orderId);
	}

	@Test
	void findsNothingInATextWithoutAnId() {
		assertThat(NotificationWatch.orderIdIn("Your order was placed.")).isEmpty();
	}

}
