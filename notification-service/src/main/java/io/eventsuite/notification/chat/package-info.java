/**
 * Chat rooms: messages are written to {@code chat-messages} keyed by room, and every
 * instance reads every room (publish-subscribe), so a browser may connect to any
 * instance.
 */
package io.eventsuite.notification.chat;
