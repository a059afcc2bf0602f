package io.eventsuite.activity.analytics;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.wire.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimeExtractorTests {

	private static final Instant SENT = Instant.parse("2026-11-22T10:00:00Z");

	private static final long PARTITION_TIME = SENT.minusSeconds(60).toEpochMilli();

	private final EventTimeExtractor extractor = new EventTimeExtractor();

	@Test
	void theEventTimeIsWhenTheEventHappened() {
		Instant happened = SENT.minusSeconds(30);

		assertThat(extract(happened, SENT.toEpochMilli())).isEqualTo(happened.toEpochMilli());
	}

	@Test
	void anEventTimeAheadOfWhenItWasSentIsCappedThere() {
		assertThat(extract(SENT.plusSeconds(240), SENT.toEpochMilli())).isEqualTo(SENT.toEpochMilli());
		assertThat(extract(Instant.parse("2099-01-01T00:00:00Z"), SENT.toEpochMilli())).isEqualTo(SENT.toEpochMilli());
	}

	@Test
	void anEventTimeNoKafkaTimestampCanHoldTakesTheRecordTimestamp() {
		assertThat(extract(Instant.parse("1969-12-31T23:00:00Z"), SENT.toEpochMilli())).isEqualTo(SENT.toEpochMilli());
		assertThat(extract(Instant.MIN, SENT.toEpochMilli())).isEqualTo(SENT.toEpochMilli());
		assertThat(extract(Instant.MAX, SENT.toEpochMilli())).isEqualTo(SENT.toEpochMilli());
	}

	@Test
	void withoutARecordTimestampTheEventTimeCountsAsItIs() {
		Instant happened = SENT.minusSeconds(30);

		assertThat(extract(happened, -1)).isEqualTo(happened.toEpochMilli());
		assertThat(extract(Instant.MIN, -1)).as("the partition's time").isEqualTo(PARTITION_TIME);
	}

	@Test
	void aTombstoneTakesTheRecordTimestamp() {
		ConsumerRecord<Object, Object> tombstone = new ConsumerRecord<>("user-activity", 0, 0, SENT.toEpochMilli(),
				TimestampType.CREATE_TIME, 0, 0, "alice", null, new RecordHeaders(), Optional.empty());

		assertThat(this.extractor.extract(tombstone, 0)).isEqualTo(SENT.toEpochMilli());
	}

	private long extract(Instant happened, long recordTimestamp) {
		CloudEvent<ActivityRecorded> event = CloudEvent.of(URI.create("/eventsuite/activity-tracker"),
				new ActivityRecorded("alice", ActivityType.PAGE_VIEW, "/", null, happened));
		ConsumerRecord<Object, Object> record = new ConsumerRecord<>("user-activity", 0, 0, recordTimestamp,
				TimestampType.CREATE_TIME, 0, 0, "alice", event, new RecordHeaders(), Optional.empty());
		return this.extractor.extract(record, PARTITION_TIME);
	}

}
