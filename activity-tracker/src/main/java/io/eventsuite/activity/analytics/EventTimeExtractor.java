package io.eventsuite.activity.analytics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.wire.CloudEvent;

/**
 * Event time is when the fact happened, the CloudEvents {@code time} (an activity's
 * {@code occurredAt}), not when the producer sent it: a batch of activity that a client
 * sends a minute late still counts in the minute it happened. A tombstone has no event,
 * so it keeps its record timestamp.
 */
class EventTimeExtractor implements TimestampExtractor {

	@Override
	public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
		if (record.value() instanceof CloudEvent<?> event) {
			long eventTime = event.time().toEpochMilli();
			// Never later than the producer's clock allows: a far-future time would move
			// stream time and make every later event look late.
			return (record.timestamp() >= 0)
					? Math.min(eventTime, record.timestamp() + ActivityRecorded.MAX_CLOCK_SKEW.toMillis()) : eventTime;
		}
		return (record.timestamp() >= 0) ? record.timestamp() : partitionTime;
	}

}
