package io.eventsuite.system;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no consumer can process, written straight to a topic as a broken or hostile
 * producer would.
 */
final class PoisonPills implements AutoCloseable {

	/** Each kind of poison pill, by name. */
	static final List<String> KINDS = List.of("bad-json", "no-headers", "multi-megabyte", "unknown-type");

	private final KafkaProducer<String, byte[]> producer;

	PoisonPills(String bootstrapServers) {
		// Compressed, a multi-megabyte value of one repeated byte passes the broker's 1
		// MB batch limit; consumers see
		// it decompressed.
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
				16 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Writes one poison pill of every kind with the given key.
	 * @param topic the topic
	 * @param key the key, so the pills share a partition with the valid record written
	 * after them
	 * @param ceType a type the topic really carries, for the pills whose only fault is
	 * elsewhere
	 */
	void writeAll(String topic, String key, String ceType) {
		send(topic, key, headers(ceType), "{this is not json");
		send(topic, key, new RecordHeaders(), "{\"note\":\"valid JSON, no CloudEvents headers\"}");
		send(topic, key, headers(ceType), "{\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}");
		send(topic, key, headers("eventsuite.unknown.v1"), "{}");
	}

	private void send(String topic, String key, RecordHeaders headers, String value) {
		try {
			this.producer.send(new ProducerRecord<>(topic, null, key, value.getBytes(StandardCharsets.UTF_8), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not write a poison pill to " + topic, ex);
		}
	}

	private static RecordHeaders headers(String ceType) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_id", java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		headers.add("ce_source", "/somewhere/broken".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
		headers.add("ce_time", "2026-11-22T10:15:30Z".getBytes(StandardCharsets.UTF_8));
		headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
