package io.eventsuite.order.domain;

import java.util.UUID;

import io.eventsuite.support.kafka.Delivery;

/**
 * What the broker confirmed for an order command.
 *
 * @param orderId the order
 * @param status the order's status after the command
 * @param delivery where its event was written
 */
public record OrderReceipt(UUID orderId, OrderStatus status, Delivery delivery) {
}
