package io.eventsuite.support.kafka;

import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Where the broker put an event, as its delivery callback reported it.
 *
 * @param eventId the CloudEvents id of the event
 * @param topic the topic
 * @param partition the partition the key was hashed to
 * @param offset the offset in that partition; {@code null} when unknown, which is always
 * the case with {@code acks=0} because the producer does not wait for the broker's answer
 */
public record Delivery(String eventId, String topic, int partition, Long offset) {

	static Delivery of(String eventId, RecordMetadata metadata) {
		return new Delivery(eventId, metadata.topic(), metadata.partition(),
				metadata.hasOffset() ? metadata.offset() : null);
	}

}
