/**
 * Measured speed: each benchmark starts its own real broker, runs a reference and the
 * suite's contender in the same run, and reports the ratio as a table, a CSV and a chart.
 */
package io.eventsuite.benchmarks;
