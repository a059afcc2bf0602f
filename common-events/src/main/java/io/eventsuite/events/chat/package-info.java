/**
 * Events of the {@code chat-messages} topic, keyed by room id.
 */
package io.eventsuite.events.chat;
