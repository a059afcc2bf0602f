package io.eventsuite.kafkalocal;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.eventsuite.kafkalocal.LocalKafkaProcess.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as {@code run.sh} uses it: a separate JVM that serves real clients, stops
 * cleanly on SIGTERM and keeps its records across a restart.
 */
class LocalKafkaIntegrationTests {

	private static final String TOPIC = "kafka-local-check";

	@TempDir
	Path workDir;

	@Test
	void servesClientsStopsCleanlyAndKeepsRecordsAcrossARestart() throws Exception {
		Path dataDir = this.workDir.resolve("data");
		int[] ports = LocalKafkaTests.freePorts(2);
		String[] args = { "--data-dir", dataDir.toString(), "--port", String.valueOf(ports[0]), "--controller-port",
				String.valueOf(ports[1]) };
		String bootstrapServers = "localhost:" + args[3];
		String clusterId;

		try (LocalKafkaProcess broker = LocalKafkaProcess.start(this.workDir.resolve("first-run.log"), args)) {
			clusterId = broker.awaitClusterId(bootstrapServers);
			createTopic(bootstrapServers);
			produce(bootstrapServers, "order-1", "placed");
			assertThat(consumeFromStart(bootstrapServers, "first-run")).containsExactly("order-1=placed");

			assertThat(broker.stop()).as(broker.output()).isTrue();
			assertThat(dataDir.resolve("logs/.kafka_cleanshutdown")).as(broker.output()).exists();
		}

		try (LocalKafkaProcess broker = LocalKafkaProcess.start(this.workDir.resolve("second-run.log"), args)) {
			assertThat(broker.awaitClusterId(bootstrapServers)).isEqualTo(clusterId);
			assertThat(consumeFromStart(bootstrapServers, "second-run")).containsExactly("order-1=placed");
			assertThat(broker.stop()).as(broker.output()).isTrue();
		}
	}

	@Test
	void exitsWithStatus2AndOneClearLineWhenThePortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", 0));
			int port = taken.getLocalPort();

			try (LocalKafkaProcess broker = LocalKafkaProcess.start(this.workDir.resolve("port-taken.log"),
					"--data-dir", this.workDir.resolve("data").toString(), "--port", String.valueOf(port),
					"--controller-port", String.valueOf(LocalKafkaTests.freePort()))) {
				assertThat(broker.awaitExit()).as(broker.output()).isEqualTo(LocalKafka.EXIT_USAGE);
				assertThat(broker.output()).contains("Port " + port + " is already in use").doesNotContain("Exception");
			}
		}
	}

	private static void createTopic(String bootstrapServers) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
				.all()
				.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		}
	}

	private static void produce(String bootstrapServers, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, key, value)).get(BOUND.toSeconds(), TimeUnit.SECONDS);
		}
	}

	// A consumer group, not a bare assignment, so the offsets topic (one replica here) is
	// used too.
	private static List<String> consumeFromStart(String bootstrapServers, String groupId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			// The consumer must only ever be touched from one thread.
			await("a record on " + TOPIC).atMost(BOUND).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(500))
					.forEach((record) -> seen.add(record.key() + "=" + record.value()));
				return !seen.isEmpty();
			});
		}
		return seen;
	}

}
