/**
 * Target 3: {@code POST /api/activity/batch} of activity-tracker, events per second
 * against Kafka's own {@code ProducerPerformance} at activity-tracker's producer
 * settings.
 */
package io.eventsuite.benchmarks.activity;
