package io.eventsuite.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.eventsuite.test.KafkaCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real broker processes the system tests and benchmarks run on leave their logs, not
 * their data: a benchmark's broker writes gigabytes.
 */
class KafkaClusterIntegrationTests {

	@Test
	void closingDeletesTheNodesDataAndKeepsTheirLogs() throws Exception {
		Path directory;
		try (KafkaCluster cluster = KafkaCluster.start(1); Admin admin = cluster.admin()) {
			directory = cluster.directory();
			admin.createTopics(List.of(new NewTopic("kept-until-close", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
			// The controller has the topic before the broker has made its log.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(directory.resolve("data-1").resolve("kept-until-close-0")).isDirectory());
		}

		assertThat(directory.resolve("data-1")).doesNotExist();
		assertThat(directory.resolve("node-1-broker.log")).isNotEmptyFile();
	}

}
