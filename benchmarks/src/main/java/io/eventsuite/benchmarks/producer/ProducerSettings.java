package io.eventsuite.benchmarks.producer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings both sides run with, written once to a file that
 * {@code ProducerPerformance} reads with {@code --producer.config} and the contender
 * reads too: order-service's profile ({@code acks=all}, idempotence at Kafka's default,
 * which is on with {@code acks=all}, {@code linger.ms=0}, 16 KB batches, no compression).
 *
 * @param acks {@code acks}
 * @param lingerMs {@code linger.ms}
 * @param batchSize {@code batch.size}
 * @param compression {@code compression.type}
 */
public record ProducerSettings(String acks, int lingerMs, int batchSize, String compression) {

	/** What order-service ships with ({@code application.yml} and Kafka's defaults). */
	public static final ProducerSettings ORDER_SERVICE = new ProducerSettings("all", 0, 16_384, "none");

	Map<String, String> properties(String bootstrapServers) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, this.acks);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(this.lingerMs));
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(this.batchSize));
		properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, this.compression);
		return properties;
	}

	/**
	 * Writes the settings as a properties file.
	 * @param bootstrapServers the broker
	 * @param file the file
	 * @return the file
	 */
	public Path write(String bootstrapServers, Path file) {
		Properties properties = new Properties();
		properties.putAll(properties(bootstrapServers));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				properties.store(writer, "The producer settings of both the reference and the contender");
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> config = new LinkedHashMap<>();
		properties.forEach((key, value) -> config.put((String) key, value));
		return config;
	}

	@Override
	public String toString() {
		return "acks=" + this.acks + ", linger.ms=" + this.lingerMs + ", batch.size=" + this.batchSize
				+ ", compression.type=" + this.compression + ", enable.idempotence at Kafka's default";
	}

}
