/**
 * Target 5: one notification-service instance drains a backlog of order events (consume,
 * notify, produce, exactly once), against Kafka's own {@code ConsumerPerformance} reading
 * the same backlog.
 */
package io.eventsuite.benchmarks.drain;
