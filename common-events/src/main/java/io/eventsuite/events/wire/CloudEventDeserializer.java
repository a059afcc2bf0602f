package io.eventsuite.events.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.EventType;
import io.eventsuite.events.Topics;

/**
 * Reads a {@link CloudEvent} in binary content mode. It dispatches on the {@code ce_type}
 * header alone, so no Java class name ever travels on the wire. Anything that is not a
 * valid event of the contract raises an {@link InvalidCloudEventException}.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent<DomainEvent>> {

	/**
	 * Consumer property: the largest record value read as an event; larger ones are
	 * invalid.
	 */
	public static final String MAX_EVENT_BYTES = "eventsuite.max-event-bytes";

	/**
	 * No event of the contract comes near this; a larger value is an accident or an
	 * attack.
	 */
	public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

	private static final int MAX_REMEMBERED_SOURCES = 64;

	private final Map<String, URI> sources = new ConcurrentHashMap<>();

	private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		Object configured = configs.get(MAX_EVENT_BYTES);
		if (configured != null) {
			this.maxEventBytes = Integer.parseInt(configured.toString());
		}
	}

	@Override
	public CloudEvent<DomainEvent> deserialize(String topic, byte[] data) {
		throw new InvalidCloudEventException(
				"CloudEvents binary mode needs record headers, record on " + topic + " has none");
	}

	@Override
	public CloudEvent<DomainEvent> deserialize(String topic, Headers headers, byte[] data) {
		// The two constant attributes are compared as bytes: no text made per record.
		byte[] specVersion = requiredBytes(headers, CloudEventHeaders.SPEC_VERSION);
		if (!Arrays.equals(specVersion, CloudEventHeaders.SPEC_VERSION_BYTES)) {
			throw new InvalidCloudEventException(
					"Unsupported " + CloudEventHeaders.SPEC_VERSION + " " + utf8(specVersion));
		}
		byte[] contentType = requiredBytes(headers, CloudEventHeaders.CONTENT_TYPE);
		if (!startsWith(contentType, CloudEventHeaders.JSON_BYTES)) {
			throw new InvalidCloudEventException("Unsupported content-type " + utf8(contentType));
		}
		String ceType = required(headers, CloudEventHeaders.TYPE);
		EventType<?> type = Topics.typeOf(ceType)
			.orElseThrow(() -> new InvalidCloudEventException("Unknown " + CloudEventHeaders.TYPE + " " + ceType));
		if (data == null) {
			throw new InvalidCloudEventException("Record of type " + ceType + " has no value");
		}
		if (data.length > this.maxEventBytes) {
			throw new InvalidCloudEventException("Record of type " + ceType + " has " + data.length
					+ " bytes, more than the " + this.maxEventBytes + " an event may have");
		}
		try {
			DomainEvent event = EventJson.MAPPER.readValue(data, type.javaType());
			return new CloudEvent<>(required(headers, CloudEventHeaders.ID),
					source(required(headers, CloudEventHeaders.SOURCE)), ceType,
					InstantText.parse(required(headers, CloudEventHeaders.TIME)), event);
		}
		catch (JacksonException | IllegalArgumentException | DateTimeParseException ex) {
			throw new InvalidCloudEventException("Invalid " + ceType + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The source as a URI, parsed once per distinct source: a topic's records come from
	 * one or a few services, and parsing every record's anew was 1.5% of the drain
	 * benchmark's samples. Bounded, so that a producer sending ever new sources cannot
	 * grow it.
	 */
	private URI source(String text) {
		URI source = this.sources.get(text);
		if (source == null) {
			source = URI.create(text);
			if (this.sources.size() < MAX_REMEMBERED_SOURCES) {
				this.sources.put(text, source);
			}
		}
		return source;
	}

	private static String required(Headers headers, String name) {
		return utf8(requiredBytes(headers, name));
	}

	private static byte[] requiredBytes(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null || header.value().length == 0) {
			throw new InvalidCloudEventException("Missing header " + name);
		}
		return header.value();
	}

	private static boolean startsWith(byte[] value, byte[] prefix) {
		return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static String utf8(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}
