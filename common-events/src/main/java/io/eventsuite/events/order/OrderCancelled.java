package io.eventsuite.events.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order was cancelled.
 *
 * @param orderId the order
 * @param customerId whose order it is
 * @param reason why, in the customer's words
 * @param cancelledAt when
 */
public record OrderCancelled(UUID orderId, String customerId, String reason,
		Instant cancelledAt) implements OrderEvent {

	public OrderCancelled {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(cancelledAt, "cancelledAt");
	}

	@Override
	public Instant occurredAt() {
		return this.cancelledAt;
	}

}
