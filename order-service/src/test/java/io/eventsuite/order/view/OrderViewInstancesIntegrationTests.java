package io.eventsuite.order.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.eventsuite.order.OrderServiceApplication;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of order-service share the order views: Kafka Streams splits the
 * partitions between them, and either answers for any order, asking the other when it
 * does not host the key. An instance that restarts with empty local state restores it
 * from the changelog topics and answers exactly as before.
 */
class OrderViewInstancesIntegrationTests {

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<ServiceInstance> instances = new ArrayList<>();

	@TempDir
	Path stateDirs;

	@AfterEach
	void tearDown() {
		this.instances.forEach(ServiceInstance::close);
	}

	@Test
	void eitherInstanceAnswersForEveryOrderAndARestartedOneRestoresItsState() throws IOException {
		ServiceInstance first = start("first");
		ServiceInstance second = start("second");
		awaitRunning(first, second);
		assertThat(activeTasks(first)).as("tasks of the first instance").isPositive();
		assertThat(activeTasks(second)).as("tasks of the second instance").isPositive();

		Map<String, String> views = new LinkedHashMap<>();
		for (int i = 0; i < 24; i++) {
			ServiceClient placing = (i % 2 == 0) ? first.client() : second.client();
			String orderId = ServiceClient
				.json(placing.postJson("/api/orders", "{\"customerId\":\"pair-" + i
						+ "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3}]}"))
				.get("orderId")
				.asString();
			if (i % 3 == 0) {
				assertThat(placing.postJson("/api/orders/" + orderId + "/cancel", "{\"reason\":\"test\"}").statusCode())
					.isEqualTo(202);
			}
			views.put(orderId, first.client().get("/api/orders/" + orderId).body());
		}
		assertThat(views.values()).allSatisfy((view) -> assertThat(view).contains("\"orderId\""));
		assertSameAnswers(views, first, second);

		first.close();
		this.instances.remove(first);
		ServiceInstance restarted = start("restarted");
		awaitRunning(restarted, second);
		assertThat(activeTasks(restarted)).as("tasks of the restarted instance").isPositive();
		assertSameAnswers(views, restarted, second);

		second.close();
		this.instances.remove(second);
		await().atMost(Duration.ofSeconds(90))
			.until(() -> streams(restarted).state() == KafkaStreams.State.RUNNING && activeTasks(restarted) == 12);
		assertSameAnswers(views, restarted);
	}

	private ServiceInstance start(String name) throws IOException {
		ServiceInstance instance = ServiceInstance.start(OrderServiceApplication.class,
				"eventsuite.topics.orders.name=orders-pair-" + this.run,
				"spring.kafka.streams.application-id=order-view-pair-" + this.run,
				"spring.kafka.streams.state-dir=" + Files.createDirectories(this.stateDirs.resolve(name)));
		this.instances.add(instance);
		return instance;
	}

	private static void assertSameAnswers(Map<String, String> views, ServiceInstance... instances) {
		for (ServiceInstance instance : instances) {
			views.forEach((orderId, view) -> assertThat(instance.client().get("/api/orders/" + orderId).body())
				.as("order %s on %s", orderId, instance.client().uri("/"))
				.isEqualTo(view));
		}
	}

	private static void awaitRunning(ServiceInstance... instances) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> List.of(instances)
				.stream()
				.allMatch((instance) -> streams(instance).state() == KafkaStreams.State.RUNNING
						&& instance.client().get("/actuator/health/readiness").statusCode() == 200));
	}

	private static int activeTasks(ServiceInstance instance) {
		return streams(instance).metadataForLocalThreads()
			.stream()
			.mapToInt((thread) -> thread.activeTasks().size())
			.sum();
	}

	private static KafkaStreams streams(ServiceInstance instance) {
		KafkaStreams streams = instance.context().getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
		assertThat(streams).isNotNull();
		return streams;
	}

}
