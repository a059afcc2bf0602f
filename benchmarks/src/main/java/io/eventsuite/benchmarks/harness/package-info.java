/**
 * What every benchmark shares: options, child JVMs, the machine's description, and the
 * report (table, CSV, PNG chart, ratio against a target).
 */
package io.eventsuite.benchmarks.harness;
