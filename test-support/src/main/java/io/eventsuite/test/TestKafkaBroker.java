package io.eventsuite.test;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real Kafka broker every integration test of a test JVM shares, started on first
 * use. Where a Docker engine answers it is Testcontainers' {@code apache/kafka};
 * elsewhere it is spring-kafka-test's embedded KRaft broker, Kafka's own server code
 * running in the test JVM. {@code -Deventsuite.test.broker=embedded|testcontainers}
 * forces one.
 */
public final class TestKafkaBroker {

	/** Pinned to the kafka-clients version of the build. */
	public static final String IMAGE = "apache/kafka:4.2.1";

	private static final Logger log = LoggerFactory.getLogger(TestKafkaBroker.class);

	private static volatile String bootstrapServers;

	private TestKafkaBroker() {
	}

	/**
	 * Starts the broker if needed.
	 * @return its bootstrap servers
	 */
	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = useTestcontainers() ? startContainer() : startEmbedded();
		}
		return bootstrapServers;
	}

	/**
	 * Configuration of a test's own consumer: a fresh group that reads the topic from its
	 * beginning and commits nothing.
	 * @return consumer configuration for this broker
	 */
	public static Map<String, Object> readerConfig() {
		return readerConfig(bootstrapServers());
	}

	/**
	 * Configuration of a test's own consumer of any cluster.
	 * @param bootstrapServers the cluster
	 * @return consumer configuration: a fresh group from the beginning, committed records
	 * only, no commits
	 */
	public static Map<String, Object> readerConfig(String bootstrapServers) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed");
	}

	private static boolean useTestcontainers() {
		String choice = System.getProperty("eventsuite.test.broker", "auto").toLowerCase(Locale.ROOT);
		return switch (choice) {
			case "testcontainers" -> true;
			case "embedded" -> false;
			default -> DockerClientFactory.instance().isDockerAvailable();
		};
	}

	private static String startContainer() {
		KafkaContainer kafka = new KafkaContainer(IMAGE);
		kafka.start();
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
		log.info("Integration tests run on Testcontainers Kafka {} at {}", IMAGE, kafka.getBootstrapServers());
		return kafka.getBootstrapServers();
	}

	private static String startEmbedded() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		// Topics are created by the services that write them, as in production.
		// One broker: internal topics (transactions included) get one replica.
		broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		log.info("Integration tests run on the embedded KRaft broker at {}", broker.getBrokersAsString());
		return broker.getBrokersAsString();
	}

}
