/**
 * Re-injecting dead-lettered records into their topic once the cause is fixed.
 */
package io.eventsuite.support.deadletter;
