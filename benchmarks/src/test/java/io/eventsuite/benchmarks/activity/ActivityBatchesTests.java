package io.eventsuite.benchmarks.activity;

import java.net.URI;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityBatchesTests {

	@Test
	void aBatchBodyHoldsTheEventsOfItsNumbersInOrder() {
		JsonNode batch = JsonMapper.builder().build().readTree(ActivityBatches.body(1234, 100));

		assertThat(batch.size()).isEqualTo(100);
		for (int i = 0; i < batch.size(); i++) {
			ActivityRecorded expected = ActivityBatches.event(1234 + i);
			JsonNode element = batch.get(i);
			assertThat(element.get("userId").asString()).isEqualTo(expected.userId());
			assertThat(element.get("type").asString()).isEqualTo(expected.type().name());
			assertThat(element.get("target").asString()).isEqualTo(expected.target());
			assertThat(element.get("sessionId").asString()).isEqualTo(expected.sessionId());
			assertThat(element.has("occurredAt")).isFalse();
		}
	}

	@Test
	void theRequestsCoverEveryUserOnEveryPageOnce() {
		assertThat(ActivityBatches.posts(URI.create("http://localhost/api/activity/batch"), 100))
			.hasSize(ActivityBatches.USERS * ActivityBatches.PAGES / 100);
		assertThat(ActivityBatches.event(7).target())
			.isNotEqualTo(ActivityBatches.event(7 + ActivityBatches.USERS).target());
	}

	@Test
	void recordBytesCountTheUserIdKeyAndTheCloudEventsHeadersBesideTheValue() {
		byte[] value = new CloudEventSerializer().serialize("user-activity", new RecordHeaders(),
				CloudEvent.of(ActivityBatches.SOURCE, ActivityBatches.event(0)));
		int userIdKey = "user-0000".length();
		int headerNames = "ce_specversionce_idce_sourcece_typece_timecontent-type".length();

		assertThat(ActivityBatches.averageRecordBytes()).isBetween(value.length + userIdKey + headerNames,
				value.length + userIdKey + headerNames + 150);
	}

}
