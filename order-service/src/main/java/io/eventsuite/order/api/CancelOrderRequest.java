package io.eventsuite.order.api;

import jakarta.validation.constraints.NotNull;

import io.eventsuite.support.web.MaxCharacters;

/**
 * The body of {@code POST /api/orders/{orderId}/cancel}. The customer to notify comes
 * from the order itself; a {@code customerId} that older clients still send is ignored.
 *
 * @param reason why, up to 500 characters
 */
record CancelOrderRequest(@NotNull @MaxCharacters(500) String reason) {
}
