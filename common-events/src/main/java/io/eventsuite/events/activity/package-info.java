/**
 * Events of the {@code user-activity} topic, keyed by user id.
 */
package io.eventsuite.events.activity;
