/**
 * Kafka-aware readiness: a service takes traffic only while it reaches the Kafka cluster
 * and its listener containers run. Liveness never depends on Kafka.
 */
package io.eventsuite.support.health;
