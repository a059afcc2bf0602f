/**
 * The producer-tuning matrix: {@code batch.size} × {@code linger.ms} ×
 * {@code compression.type} × {@code acks} for the order and the activity payloads, each
 * cell's maximum throughput and its p99 latency at a fixed moderate rate, with the
 * profiles order-service and activity-tracker ship with marked.
 */
package io.eventsuite.benchmarks.tuning;
