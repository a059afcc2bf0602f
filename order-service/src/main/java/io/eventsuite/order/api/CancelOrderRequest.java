package io.eventsuite.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/orders/{orderId}/cancel}.
 *
 * @param customerId whose order it is; the service keeps no order state yet, so the
 * caller names the customer the cancellation notifies
 * @param reason why, up to 500 characters
 */
record CancelOrderRequest(@NotBlank @Size(max = 64) String customerId, @NotNull @Size(max = 500) String reason) {
}
