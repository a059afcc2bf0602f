/**
 * Test support: the one place that chooses the real Kafka broker integration tests run
 * on, helpers that read what services wrote to a topic, and the services' jars and
 * Kafka's server jars as separate processes (system tests and benchmarks).
 */
package io.eventsuite.test;
