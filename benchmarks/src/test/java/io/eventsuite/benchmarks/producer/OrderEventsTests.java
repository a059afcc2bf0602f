package io.eventsuite.benchmarks.producer;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class OrderEventsTests {

	@Test
	void recordBytesCountTheKeyAndTheCloudEventsHeadersBesideTheValue() {
		byte[] value = new CloudEventSerializer().serialize("orders", new RecordHeaders(),
				CloudEvent.of(OrderEvents.SOURCE, OrderEvents.next(0)));
		int uuidKey = 36;
		int headerNames = "ce_specversionce_idce_sourcece_typece_timecontent-type".length();

		assertThat(OrderEvents.averageRecordBytes()).isBetween(value.length + uuidKey + headerNames,
				value.length + uuidKey + headerNames + 150);
	}

	@Test
	void customersRepeatSoKeysOfOneCustomerMeet() {
		assertThat(OrderEvents.next(7).customerId()).isEqualTo(OrderEvents.next(107).customerId());
		assertThat(OrderEvents.next(7).orderId()).isNotEqualTo(OrderEvents.next(107).orderId());
	}

}
