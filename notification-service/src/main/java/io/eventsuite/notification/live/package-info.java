/**
 * Live delivery: every instance reads whole topics without a consumer group and pushes
 * records to the Server-Sent Events clients connected to it.
 */
package io.eventsuite.notification.live;
