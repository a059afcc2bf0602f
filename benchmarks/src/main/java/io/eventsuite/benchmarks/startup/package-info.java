/**
 * Target 6: each service's time from JVM start to ready, and its peak resident set size
 * under load, started as its container image starts it.
 */
package io.eventsuite.benchmarks.startup;
