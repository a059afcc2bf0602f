package io.eventsuite.support.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore consumer's short fetch wait reaches the consumer Kafka Streams makes, and
 * only that one: a misspelt prefix would be ignored without a word.
 */
class RestoreConsumerDefaultsTests {

	private static final String STREAMS_PREFIX = "spring.kafka.streams.properties.";

	@Test
	void onlyTheRestoreConsumerWaitsBrieflyForAnEmptyFetch() {
		StreamsConfig streams = new StreamsConfig(streamsProperties());

		assertThat(fetchMaxWaitMs(streams.getRestoreConsumerConfigs("restore"))).isEqualTo(10);
		assertThat(fetchMaxWaitMs(streams.getMainConsumerConfigs("order-service", "main", 0))).isEqualTo(500);
		assertThat(fetchMaxWaitMs(streams.getGlobalConsumerConfigs("global"))).isEqualTo(500);
	}

	// As the consumer itself reads its settings; Kafka Streams hands it byte-array
	// deserializers besides.
	private static int fetchMaxWaitMs(Map<String, Object> consumer) {
		Map<String, Object> settings = new HashMap<>(consumer);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return new ConsumerConfig(settings).getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
	}

	// What Spring Boot passes to Kafka Streams from the defaults, plus what every
	// application has.
	private static Map<String, Object> streamsProperties() {
		Properties defaults = SharedDefaults.read();
		Map<String, Object> streams = new HashMap<>();
		for (String name : defaults.stringPropertyNames()) {
			if (name.startsWith(STREAMS_PREFIX) && !defaults.getProperty(name).contains("${")) {
				streams.put(name.substring(STREAMS_PREFIX.length()), defaults.getProperty(name));
			}
		}
		streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-service");
		streams.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
		return streams;
	}

}
