package io.eventsuite.support.kafka;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * An event could not be written to its topic. When the cause is one that passes (the
 * broker is unreachable, too slow, or the producer's buffer is full) the request may be
 * retried and the API answers {@code 503}.
 */
public class PublishFailedException extends RuntimeException {

	private final String topic;

	public PublishFailedException(String topic, Throwable cause) {
		super("Could not publish to " + topic + ": " + cause.getMessage(), cause);
		this.topic = topic;
	}

	public String getTopic() {
		return this.topic;
	}

	/**
	 * Whether retrying later may succeed: every timeout and every error Kafka itself
	 * calls retriable.
	 * @return {@code true} for a passing failure
	 */
	public boolean isTransient() {
		for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof RetriableException || cause instanceof TimeoutException
					|| cause instanceof org.apache.kafka.common.errors.TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
