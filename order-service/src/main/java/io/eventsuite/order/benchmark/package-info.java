/**
 * A no-op twin of {@code POST /api/orders} for the benchmarks: the same body, parsed and
 * validated the same way, answered at once without publishing. Off unless
 * {@code eventsuite.benchmark.noop-endpoint=true}.
 */
package io.eventsuite.order.benchmark;
