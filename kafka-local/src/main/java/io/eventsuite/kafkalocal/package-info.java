/**
 * A real single-node Apache Kafka broker for local runs without Docker: Kafka's own
 * server code in KRaft mode, one process acting as both broker and controller.
 */
package io.eventsuite.kafkalocal;
