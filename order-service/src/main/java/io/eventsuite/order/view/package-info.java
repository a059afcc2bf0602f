/**
 * The Kafka Streams topology that materializes the {@code orders} topic into queryable
 * views: each order's state, and each customer's recent orders.
 */
package io.eventsuite.order.view;
