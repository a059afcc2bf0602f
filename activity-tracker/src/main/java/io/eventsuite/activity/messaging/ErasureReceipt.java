package io.eventsuite.activity.messaging;

import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Where the broker put the tombstone that erases a user.
 *
 * @param userId the erased user, the tombstone's key
 * @param topic the topic
 * @param partition the user's partition
 * @param offset the tombstone's offset: once the analytics have processed the partition
 * up to here, the profile is gone
 */
public record ErasureReceipt(String userId, String topic, int partition, long offset) {

	static ErasureReceipt of(String userId, RecordMetadata metadata) {
		return new ErasureReceipt(userId, metadata.topic(), metadata.partition(), metadata.offset());
	}

}
