package io.eventsuite.benchmarks.tuning;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.eventsuite.benchmarks.producer.OrderEvents;
import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.EventTopic;
import io.eventsuite.events.Topics;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

/**
 * What a cell sends: the events of one service as the suite writes them (key, JSON value,
 * CloudEvents headers), and the producer profile that service ships with.
 */
enum Payload {

	/**
	 * {@code OrderPlaced}, keyed by order id; order-service's {@code application.yml}:
	 * {@code acks=all}, {@code linger.ms=0}, {@code batch.size} and
	 * {@code compression.type} at Kafka's defaults (16 KB, none).
	 */
	ORDER("order-service", Topics.ORDERS, new Cell("all", 16_384, 0, "none"), OrderEvents.SOURCE, OrderEvents::next),

	/**
	 * {@code ActivityRecorded}, keyed by user id; activity-tracker's
	 * {@code application.yml}: {@code acks=1}, {@code compression.type=lz4},
	 * {@code batch.size=65536}, {@code linger.ms=20}.
	 */
	ACTIVITY("activity-tracker", Topics.USER_ACTIVITY, new Cell("1", 65_536, 20, "lz4"), ActivityEvents.SOURCE,
			ActivityEvents::next);

	private final String service;

	private final EventTopic<?> topic;

	private final Cell shipped;

	private final URI source;

	private final LongFunction<? extends DomainEvent> events;

	Payload(String service, EventTopic<?> topic, Cell shipped, URI source, LongFunction<? extends DomainEvent> events) {
		this.service = service;
		this.topic = topic;
		this.shipped = shipped;
		this.source = source;
		this.events = events;
	}

	/**
	 * The payload's name on the command line and in the report.
	 * @return {@code order} or {@code activity}
	 */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Payload of(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

	/**
	 * The service that sends this payload.
	 * @return its name
	 */
	String service() {
		return this.service;
	}

	/**
	 * The settings the service ships with.
	 * @return the cell
	 */
	Cell shipped() {
		return this.shipped;
	}

	/**
	 * Serialized once, before any timing, so that every cell sends the same bytes and the
	 * cost of making them (which bounds the suite's own publisher, see the producer
	 * benchmark) is the same nothing in every cell: the matrix measures the producer's
	 * settings, not the serializer. Distinct events (fresh ids and times), so that
	 * compression sees what it would see in a service.
	 * @param topicName the topic to send to
	 * @param count how many distinct records
	 * @return the records, to be sent again and again
	 */
	List<ProducerRecord<byte[], byte[]>> records(String topicName, int count) {
		CloudEventSerializer serializer = new CloudEventSerializer();
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			CloudEvent<?> event = CloudEvent.of(this.source, this.events.apply(i));
			RecordHeaders headers = new RecordHeaders();
			byte[] value = serializer.serialize(this.topic.defaultName(), headers, event);
			records.add(new ProducerRecord<>(topicName, null, event.key().getBytes(StandardCharsets.UTF_8), value,
					headers));
		}
		return records;
	}

	/**
	 * The bytes one record of this payload carries: key, value, header names and values.
	 * @return the average over a thousand records, rounded
	 */
	int averageRecordBytes() {
		List<ProducerRecord<byte[], byte[]>> records = records(this.topic.defaultName(), 1000);
		long total = 0;
		for (ProducerRecord<byte[], byte[]> record : records) {
			total += record.key().length + record.value().length;
			for (Header header : record.headers()) {
				total += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
			}
		}
		return (int) Math.round(total / (double) records.size());
	}

}
