/**
 * Test support: the one place that chooses the real Kafka broker integration tests run
 * on, and helpers that read what services wrote to a topic.
 */
package io.eventsuite.test;
