/**
 * Target 2: {@code POST /api/orders} of order-service against a no-op endpoint of the
 * same process, driven by an HTTP load generator (closed-loop for throughput, open-loop
 * at a fixed rate for latency).
 */
package io.eventsuite.benchmarks.http;
