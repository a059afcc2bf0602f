/**
 * The activity tracker. {@code api} is the HTTP face, {@code messaging} writes the
 * {@code user-activity} topic, {@code analytics} is the Kafka Streams application that
 * counts what users do.
 */
package io.eventsuite.activity;
