/**
 * Target 4: end-to-end latency from {@code POST /api/orders} to notification-service's
 * committed notification, open-loop at a fixed rate, on one broker and on three (RF 3),
 * against Kafka's own {@code ProducerPerformance} and {@code EndToEndLatency}.
 */
package io.eventsuite.benchmarks.latency;
