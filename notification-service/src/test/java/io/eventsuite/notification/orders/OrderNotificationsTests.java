package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderNotificationsTests {

	private static final URI SOURCE = URI.create("/eventsuite/order-service");

	@Test
	void notificationIdsAreTheNameBasedUuidsOfTheEventIds() {
		OrderPlaced placed = new OrderPlaced(UUID.randomUUID(), "customer-1",
				List.of(new OrderLine("sku-1", 2, new BigDecimal("4.50"))), new BigDecimal("9.00"), "EUR",
				Instant.parse("2026-11-24T10:00:00Z"));
		CloudEvent<OrderPlaced> event = CloudEvent.of(URI.create("/eventsuite/order-service"), placed);

		NotificationSent notification = OrderNotifications.of(event, Instant.parse("2026-11-24T10:00:01Z"));

		assertThat(notification.notificationId())
			.isEqualTo(UUID.nameUUIDFromBytes(("notification:" + event.id()).getBytes(StandardCharsets.UTF_8)));
		assertThat(notification.kind()).isEqualTo(NotificationKind.ORDER_PLACED);
		assertThat(notification.body())
			.isEqualTo("Your order " + placed.orderId() + " of 1 item(s) totalling 9.00 EUR was placed.");
	}

	@Test
	void aNotificationStaysSmallWhateverTheEventCarries() {
		OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), "customer-1", "r".repeat(1_000_000),
				Instant.parse("2026-11-24T10:00:00Z"));

		NotificationSent notification = OrderNotifications.of(CloudEvent.of(SOURCE, cancelled), Instant.now());

		assertThat(notification.body()).hasSize(OrderNotifications.MAX_TEXT)
			.startsWith("Your order " + cancelled.orderId() + " was cancelled: rrr")
			.endsWith("r…");
	}

	@Test
	void aShortenedBodyNeverEndsInHalfACharacter() {
		OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), "customer-1",
				"x" + "\uD83D\uDE00".repeat(1_000), Instant.parse("2026-11-24T10:00:00Z"));

		String body = OrderNotifications.of(CloudEvent.of(SOURCE, cancelled), Instant.now()).body();

		assertThat(body).endsWith("\uD83D\uDE00…").hasSizeLessThanOrEqualTo(OrderNotifications.MAX_TEXT);
	}

	@Test
	void twoCancellationsOfOneOrderAreOneNotificationTwoPlacementsTwo() {
		UUID orderId = UUID.randomUUID();
		OrderCancelled cancelled = new OrderCancelled(orderId, "customer-1", "changed my mind",
				Instant.parse("2026-11-24T10:00:00Z"));
		OrderCancelled racing = new OrderCancelled(orderId, "customer-1", "too slow",
				Instant.parse("2026-11-24T10:00:01Z"));
		OrderPlaced placed = OrderPlaced.of(UUID.randomUUID(), "customer-1",
				List.of(new OrderLine("SKU-1", 1, BigDecimal.ONE)), "EUR", Instant.now());

		assertThat(OrderNotifications.of(CloudEvent.of(SOURCE, racing), Instant.now()).notificationId())
			.isEqualTo(OrderNotifications.of(CloudEvent.of(SOURCE, cancelled), Instant.now()).notificationId());
		assertThat(OrderNotifications.of(CloudEvent.of(SOURCE, placed), Instant.now()).notificationId())
			.isNotEqualTo(OrderNotifications.of(CloudEvent.of(SOURCE, placed), Instant.now()).notificationId());
	}

	@Test
	void anEventWithAnIdNoNotificationCanCarryIsRefused() {
		OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), "customer-1", "changed my mind",
				Instant.parse("2026-11-24T10:00:00Z"));
		CloudEvent<OrderCancelled> event = new CloudEvent<>("i".repeat(NotificationSent.MAX_SOURCE_EVENT_ID + 1),
				SOURCE, "eventsuite.order.cancelled.v1", cancelled.cancelledAt(), cancelled);

		assertThatIllegalArgumentException().isThrownBy(() -> OrderNotifications.of(event, Instant.now()))
			.withMessageContaining("event id of 1001 UTF-16 units");
	}

	@Test
	void anEventForAUserIdTheNotificationsContractDoesNotAllowIsRefused() {
		OrderCancelled longest = new OrderCancelled(UUID.randomUUID(), "c".repeat(NotificationSent.MAX_USER_ID),
				"changed my mind", Instant.parse("2026-11-24T10:00:00Z"));
		OrderCancelled tooLong = new OrderCancelled(UUID.randomUUID(), "c".repeat(NotificationSent.MAX_USER_ID + 1),
				"changed my mind", Instant.parse("2026-11-24T10:00:00Z"));

		assertThat(OrderNotifications.of(CloudEvent.of(SOURCE, longest), Instant.now()).userId())
			.hasSize(NotificationSent.MAX_USER_ID);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OrderNotifications.of(CloudEvent.of(SOURCE, tooLong), Instant.now()))
			.withMessageContaining("customerId of 65 UTF-16 units");
	}

	/**
	 * The digest is reused per thread: ids computed on several threads at once, each
	 * after many others, must still be the JDK's.
	 */
	@Test
	void nameBasedIdsAreTheJdksOnEveryThread() {
		List<CompletableFuture<Boolean>> threads = IntStream.range(0, 4)
			.mapToObj((thread) -> CompletableFuture.supplyAsync(() -> IntStream.range(0, 2_000)
				.mapToObj((i) -> "notification:" + thread + "-" + i + "-é€")
				.allMatch((name) -> OrderNotifications.nameBased(name)
					.equals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))))))
			.toList();

		assertThat(threads).allSatisfy((allEqual) -> assertThat(allEqual.join()).isTrue());
	}

}
