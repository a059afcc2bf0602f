package io.eventsuite.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

/**
 * The bytes an event puts in a record as the suite writes it: key, value and the
 * CloudEvents headers (names and values). {@code ProducerPerformance} sends records of
 * this size, so that a reference and a contender move the same bytes.
 */
public final class CloudEventBytes {

	private static final int SAMPLES = 1000;

	private CloudEventBytes() {
	}

	/**
	 * The average record size of a thousand events.
	 * @param topic the topic the serializer is told
	 * @param events the event of each sequence number, from 0
	 * @return the average in bytes, rounded
	 */
	public static int average(String topic, LongFunction<CloudEvent<?>> events) {
		CloudEventSerializer serializer = new CloudEventSerializer();
		long total = 0;
		for (int i = 0; i < SAMPLES; i++) {
			CloudEvent<?> event = events.apply(i);
			RecordHeaders headers = new RecordHeaders();
			total += serializer.serialize(topic, headers, event).length;
			total += event.key().getBytes(StandardCharsets.UTF_8).length;
			for (Header header : headers) {
				total += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
			}
		}
		return (int) Math.round(total / (double) SAMPLES);
	}

}
