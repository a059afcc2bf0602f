/**
 * The wire format: CloudEvents 1.0 in the Kafka protocol binding's binary content mode.
 * Attributes travel as {@code ce_*} headers, the event itself as JSON in the record
 * value, so a consumer in any language can read every topic without Java type
 * information.
 */
package io.eventsuite.events.wire;
