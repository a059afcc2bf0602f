/**
 * A user's notifications, live and recent: every instance reads all of
 * {@code notifications}, so a browser may connect to any instance.
 */
package io.eventsuite.notification.feed;
