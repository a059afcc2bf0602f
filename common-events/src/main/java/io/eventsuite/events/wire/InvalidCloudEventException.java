package io.eventsuite.events.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that is not a valid event of the contract: a missing or unknown header, or a
 * value that does not parse. Such a record can never be processed, so consumers
 * dead-letter it instead of retrying.
 */
public class InvalidCloudEventException extends SerializationException {

	public InvalidCloudEventException(String message) {
		super(message);
	}

	public InvalidCloudEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
