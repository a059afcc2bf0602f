package io.eventsuite.activity.analytics;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.eventsuite.events.wire.CloudEvent;

/**
 * Event time is when the fact happened, the CloudEvents {@code time} (an activity's
 * {@code occurredAt}), not when the producer sent it: a batch of activity that a client
 * sends a minute late still counts in the minute it happened. A tombstone has no event,
 * so it keeps its record timestamp.
 * <p>
 * An event time is never later than the record's timestamp, when the service sent it: a
 * client whose clock runs ahead (the API allows 5 minutes) would otherwise move stream
 * time ahead for every user on its partition, and their on-time page views would count as
 * late once the grace period (30 s by default) had passed. A time no Kafka timestamp can
 * hold (before 1970, or beyond a {@code long} of milliseconds) also takes the record's
 * timestamp: Kafka Streams would drop a negative one without a trace, and a time that
 * overflows would stop the stream thread on every retry. {@link ValidEvents} then
 * dead-letters such an activity.
 */
class EventTimeExtractor implements TimestampExtractor {

	private static final Instant LATEST_MILLISECOND = Instant.ofEpochMilli(Long.MAX_VALUE);

	@Override
	public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
		long sentAt = (record.timestamp() >= 0) ? record.timestamp() : partitionTime;
		if (record.value() instanceof CloudEvent<?> event) {
			Instant time = event.time();
			if (!isTimestamp(time)) {
				return sentAt;
			}
			long eventTime = time.toEpochMilli();
			return (record.timestamp() >= 0) ? Math.min(eventTime, record.timestamp()) : eventTime;
		}
		return sentAt;
	}

	/**
	 * Whether a Kafka timestamp can hold an instant: not before 1970, not past a
	 * {@code long} of milliseconds.
	 * @param time the instant
	 * @return {@code true} when it can
	 */
	static boolean isTimestamp(Instant time) {
		return !time.isBefore(Instant.EPOCH) && !time.isAfter(LATEST_MILLISECOND);
	}

}
