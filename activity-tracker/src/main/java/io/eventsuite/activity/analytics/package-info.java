/**
 * Activity analytics: a Kafka Streams application over {@code user-activity},
 * {@code orders} and {@code chat-messages} that keeps a profile per user and the most
 * viewed pages per minute, and answers queries about both from any instance.
 */
package io.eventsuite.activity.analytics;
