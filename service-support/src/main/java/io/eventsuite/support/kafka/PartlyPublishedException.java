package io.eventsuite.support.kafka;

/**
 * The producer refused an event of a batch after it had taken the ones before it: those
 * are on their way to the broker, and a client that sent the whole batch again would have
 * them counted twice. The API answers {@code 503} with how many were accepted.
 */
public class PartlyPublishedException extends PublishFailedException {

	private final int accepted;

	/**
	 * A batch refused from one event on.
	 * @param topic the topic
	 * @param cause why the producer refused the event
	 * @param accepted how many events before it the producer took
	 */
	public PartlyPublishedException(String topic, Throwable cause, int accepted) {
		super(topic, cause);
		this.accepted = accepted;
	}

	/**
	 * How many events of the batch, from its start, the producer took.
	 * @return the count
	 */
	public int getAccepted() {
		return this.accepted;
	}

}
