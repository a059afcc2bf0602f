package io.eventsuite.activity.analytics;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The values of the {@code page-views-by-page} repartition topic: a count of views as a
 * JSON number. Versions before {@link PageViewPartials} sent one record per view, its
 * event time as a JSON string; such a record, left in the topic by an upgrade, reads as
 * one view, so an upgrade loses none.
 */
final class PageViewCountSerde implements Serde<Long> {

	@Override
	public Serializer<Long> serializer() {
		return (topic, views) -> (views != null) ? views.toString().getBytes(StandardCharsets.US_ASCII) : null;
	}

	@Override
	public Deserializer<Long> deserializer() {
		return (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			if (bytes.length > 0 && bytes[0] == '"') {
				return 1L;
			}
			return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
		};
	}

}
