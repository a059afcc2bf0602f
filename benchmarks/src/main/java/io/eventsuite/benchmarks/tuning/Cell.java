package io.eventsuite.benchmarks.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One cell of the matrix: the four producer settings it varies. Everything else is at
 * Kafka's defaults, idempotence included (on with {@code acks=all}, off by itself
 * otherwise, as in the services).
 *
 * @param acks {@code acks}: {@code 0}, {@code 1} or {@code all}
 * @param batchSize {@code batch.size} in bytes
 * @param lingerMs {@code linger.ms}
 * @param compression {@code compression.type}
 */
record Cell(String acks, int batchSize, int lingerMs, String compression) {

	/** The values of {@code acks} the matrix knows, in the order tables show them. */
	static final List<String> ACKS = List.of("0", "1", "all");

	/** The values of {@code compression.type} the matrix knows, in table order. */
	static final List<String> COMPRESSIONS = List.of("none", "lz4", "zstd");

	Cell {
		if (!ACKS.contains(acks)) {
			throw new IllegalArgumentException("acks must be one of " + ACKS + ", not " + acks);
		}
		if (!COMPRESSIONS.contains(compression)) {
			throw new IllegalArgumentException("compression must be one of " + COMPRESSIONS + ", not " + compression);
		}
	}

	/**
	 * Reads what {@link #arg()} wrote.
	 * @param arg for example {@code all:16384:5:none}
	 * @return the cell
	 */
	static Cell parse(String arg) {
		String[] parts = arg.split(":");
		if (parts.length != 4) {
			throw new IllegalArgumentException("Not a cell (acks:batch:linger:compression): " + arg);
		}
		return new Cell(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]);
	}

	/**
	 * The cell on a command line.
	 * @return for example {@code all:16384:5:none}
	 */
	String arg() {
		return this.acks + ":" + this.batchSize + ":" + this.lingerMs + ":" + this.compression;
	}

	/**
	 * The variant's name in the report.
	 * @return for example {@code acks=all lz4 b64k l5}
	 */
	String label() {
		return "acks=" + this.acks + " " + this.compression + " " + row();
	}

	/**
	 * The batch size and linger of the cell, the row of the pivot tables.
	 * @return for example {@code b64k l5}
	 */
	String row() {
		return rowLabel(this.batchSize, this.lingerMs);
	}

	static String rowLabel(int batchSize, int lingerMs) {
		String batch = (batchSize % 1024 == 0) ? (batchSize / 1024) + "k" : String.valueOf(batchSize);
		return "b" + batch + " l" + lingerMs;
	}

	/**
	 * The producer's configuration for this cell, sending ready bytes.
	 * @param bootstrapServers the broker
	 * @return the configuration
	 */
	Map<String, Object> producerConfig(String bootstrapServers) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, this.acks);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, this.batchSize);
		config.put(ProducerConfig.LINGER_MS_CONFIG, this.lingerMs);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, this.compression);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return config;
	}

}
