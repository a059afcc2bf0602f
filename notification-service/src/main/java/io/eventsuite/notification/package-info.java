/**
 * The notification service. {@code orders} turns order events into notifications (a
 * consumer group: work is shared), {@code feed} and {@code chat} stream topics to
 * browsers (publish-subscribe: every instance sees everything), {@code live} is the
 * plumbing both use.
 */
package io.eventsuite.notification;
