package io.eventsuite.support.streams;

/**
 * State cannot be read right now: the application is starting, restoring a store from its
 * changelog, rebalancing, catching up with its input, or the instance that hosts the key
 * does not answer. It passes; the API answers {@code 503} with {@code Retry-After}, never
 * a {@code 404} it cannot be sure of.
 */
public class StateUnavailableException extends RuntimeException {

	public StateUnavailableException(String message) {
		super(message);
	}

	public StateUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
