package io.eventsuite.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;

/**
 * One realistic event of every type in the contract.
 */
public final class SampleEvents {

	private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z");

	private SampleEvents() {
	}

	public static List<DomainEvent> all() {
		UUID orderId = UUID.fromString("0b7e2b8e-3f5c-4a8e-9d0a-6c1f2e3d4b5a");
		return List.of(
				OrderPlaced.of(orderId, "customer-42",
						List.of(new OrderLine("SKU-1", 2, new BigDecimal("19.99")),
								new OrderLine("SKU-2", 1, new BigDecimal("0.01"))),
						"EUR", NOW),
				new OrderCancelled(orderId, "customer-42", "changed my mind", NOW),
				new ChatMessageSent(UUID.randomUUID(), "room-1", "alice", "hello, world", NOW),
				new ActivityRecorded("user-7", ActivityType.PAGE_VIEW, "/products/42", "session-9", NOW),
				new ActivityRecorded("user-7", ActivityType.CLICK, "buy-button", null, NOW),
				new NotificationSent(UUID.randomUUID(), "customer-42", NotificationKind.ORDER_PLACED, "Order placed",
						"Your order was placed.", UUID.randomUUID().toString(), NOW));
	}

}
