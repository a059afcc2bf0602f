/**
 * Events of the {@code orders} topic, keyed by order id.
 */
package io.eventsuite.events.order;
