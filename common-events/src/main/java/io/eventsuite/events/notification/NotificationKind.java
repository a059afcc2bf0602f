package io.eventsuite.events.notification;

/**
 * What a notification is about.
 */
public enum NotificationKind {

	ORDER_PLACED, ORDER_CANCELLED

}
