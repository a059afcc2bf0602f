/**
 * Target 1: the suite's {@code EventPublisher} (KafkaTemplate with the CloudEvents
 * serializer) against Kafka's own {@code ProducerPerformance}, with identical producer
 * settings and bytes per record.
 */
package io.eventsuite.benchmarks.producer;
