package io.eventsuite.activity.analytics;

/**
 * A record that is a readable event but cannot be counted: a blank user id or target, a
 * key that is not the user id, an event of another topic. The topology throws it so that
 * Kafka Streams' processing exception handler writes the record to the dead-letter topic
 * and moves on, instead of the record vanishing.
 */
class InvalidEventException extends RuntimeException {

	InvalidEventException(String message) {
		super(message);
	}

}
