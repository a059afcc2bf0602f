package io.eventsuite.order.domain;

/**
 * Where an order is in its life.
 */
public enum OrderStatus {

	PLACED, CANCELLED

}
