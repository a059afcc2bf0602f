package io.eventsuite.events.wire;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a {@link CloudEvent} in binary content mode: attributes as {@code ce_*} headers,
 * the event as JSON.
 */
public class CloudEventSerializer implements Serializer<CloudEvent<?>> {

	@Override
	public byte[] serialize(String topic, CloudEvent<?> event) {
		throw new IllegalStateException("CloudEvents binary mode needs record headers; send with headers");
	}

	@Override
	public byte[] serialize(String topic, Headers headers, CloudEvent<?> event) {
		if (event == null) {
			return null;
		}
		put(headers, CloudEventHeaders.SPEC_VERSION, CloudEvent.SPEC_VERSION);
		put(headers, CloudEventHeaders.ID, event.id());
		put(headers, CloudEventHeaders.SOURCE, event.source().toString());
		put(headers, CloudEventHeaders.TYPE, event.type());
		put(headers, CloudEventHeaders.TIME, InstantText.format(event.time()));
		put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		return EventJson.MAPPER.writeValueAsBytes(event.data());
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
