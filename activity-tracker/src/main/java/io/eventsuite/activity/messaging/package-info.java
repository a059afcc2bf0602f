/**
 * Writes the {@code user-activity} topic, which this service owns and declares, and
 * counts how each write ended.
 */
package io.eventsuite.activity.messaging;
