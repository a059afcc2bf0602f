package io.eventsuite.order.view;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's keys are in the {@code customer-orders} changelogs of running services, so
 * their text must never change: they are held to the format they were first written with.
 */
class CustomerOrdersIndexKeyTests {

	private static final long LAST_SECOND = 253_402_300_799L;

	@Test
	void keysAreTheFormatTheChangelogsHold() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			Instant placedAt = Instant.ofEpochSecond(random.nextLong(0, LAST_SECOND + 1),
					random.nextInt(0, 1_000_000_000));
			assertKeyAsFormatted("customer-" + i, placedAt);
		}
		assertKeyAsFormatted("c", Instant.EPOCH);
		assertKeyAsFormatted("c", Instant.parse("9999-12-31T23:59:59.999999999Z"));
		assertKeyAsFormatted("c", Instant.parse("1969-12-31T23:59:59.5Z"));
	}

	@Test
	void aCustomersNewerOrdersSortFirst() {
		Instant placedAt = Instant.parse("2026-11-23T12:00:00Z");
		String older = CustomerOrdersIndex.key("eve", placedAt, UUID.randomUUID().toString());
		String newer = CustomerOrdersIndex.key("eve", placedAt.plusNanos(1), UUID.randomUUID().toString());
		assertThat(newer).isLessThan(older).startsWith(CustomerOrdersIndex.prefix("eve"));
	}

	private static void assertKeyAsFormatted(String customerId, Instant placedAt) {
		String orderId = UUID.randomUUID().toString();
		String formatted = String.format("%s%012d.%09d:%s", CustomerOrdersIndex.prefix(customerId),
				LAST_SECOND - placedAt.getEpochSecond(), 999_999_999 - placedAt.getNano(), orderId);
		assertThat(CustomerOrdersIndex.key(customerId, placedAt, orderId)).isEqualTo(formatted);
	}

}
