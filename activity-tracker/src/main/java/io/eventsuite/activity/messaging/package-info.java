/**
 * Writes the {@code user-activity} topic, which this service owns and declares: activity
 * events, fire-and-forget, with each write counted; and the tombstones that erase a user,
 * acknowledged by every in-sync replica.
 */
package io.eventsuite.activity.messaging;
