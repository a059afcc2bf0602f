/**
 * Events of the {@code notifications} topic, keyed by user id.
 */
package io.eventsuite.events.notification;
