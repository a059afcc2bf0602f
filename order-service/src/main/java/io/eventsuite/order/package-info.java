/**
 * The order service. {@code api} is the HTTP face, {@code domain} decides what an order
 * is, {@code messaging} writes the {@code orders} topic.
 */
package io.eventsuite.order;
