package io.eventsuite.support.streams;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventDeserializer;
import io.eventsuite.events.wire.CloudEventSerializer;
import io.eventsuite.events.wire.EventJson;

/**
 * The serdes of the suite's Kafka Streams applications: the contract's events as they are
 * on the wire, and state (views, aggregates) as the contract's JSON.
 */
public final class StreamsSerdes {

	private StreamsSerdes() {
	}

	/**
	 * Events of the contract in CloudEvents binary mode. A record without a value reads
	 * as {@code null}: a tombstone, which a topology may give a meaning (erasure); a
	 * record that is not a valid event raises an exception for the deserialization
	 * exception handler, which dead-letters it.
	 * @return the serde
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static Serde<CloudEvent<DomainEvent>> cloudEvents() {
		Serializer<CloudEvent<DomainEvent>> serializer = (Serializer) new CloudEventSerializer();
		return Serdes.serdeFrom(serializer, new TombstoneAwareDeserializer());
	}

	/**
	 * State as JSON, with the contract's mapping (exact decimals, ISO-8601 instants).
	 * @param <T> the state record
	 * @param type its class, a record or another final class: values are written as this
	 * type, so a subclass's own fields would be left out
	 * @return the serde
	 */
	public static <T> Serde<T> json(Class<T> type) {
		// A reader and a writer bound to the type find its (de)serializer once, not per
		// record: a state store reads and writes its values on every update.
		ObjectWriter writer = EventJson.MAPPER.writerFor(type);
		ObjectReader reader = EventJson.MAPPER.readerFor(type);
		Serializer<T> serializer = (topic, value) -> (value != null) ? writer.writeValueAsBytes(value) : null;
		Deserializer<T> deserializer = (topic, bytes) -> (bytes != null) ? reader.readValue(bytes) : null;
		return Serdes.serdeFrom(serializer, deserializer);
	}

	private static final class TombstoneAwareDeserializer implements Deserializer<CloudEvent<DomainEvent>> {

		private final CloudEventDeserializer delegate = new CloudEventDeserializer();

		@Override
		public void configure(Map<String, ?> configs, boolean isKey) {
			this.delegate.configure(configs, isKey);
		}

		@Override
		public CloudEvent<DomainEvent> deserialize(String topic, byte[] data) {
			return (data != null) ? this.delegate.deserialize(topic, data) : null;
		}

		@Override
		public CloudEvent<DomainEvent> deserialize(String topic, Headers headers, byte[] data) {
			return (data != null) ? this.delegate.deserialize(topic, headers, data) : null;
		}

	}

}
