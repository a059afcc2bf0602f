/**
 * Turns order events into notifications. The listener is a consumer group: instances
 * share the partitions of {@code orders}, and each event is handled by exactly one of
 * them.
 */
package io.eventsuite.notification.orders;
