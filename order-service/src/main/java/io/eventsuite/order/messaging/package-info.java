/**
 * Writes the {@code orders} topic, which this service owns and declares.
 */
package io.eventsuite.order.messaging;
