package io.eventsuite.order.view;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.util.UriUtils;

import io.eventsuite.order.OrderServiceApplication;
import io.eventsuite.order.domain.OrderView;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of order-service share the order views: Kafka Streams splits the
 * partitions between them, and either answers for any order, asking the other when it
 * does not host the key; a customer's list, whose orders are in every partition, is
 * merged from both. An instance that restarts with empty local state restores it from the
 * changelog topics and answers exactly as before.
 */
class OrderViewInstancesIntegrationTests {

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String token = UUID.randomUUID().toString();

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
		awaitSharingTheTasks(first, second);

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

		// Forwarded reads carry the instances' shared token; anyone else is turned away.
		String someOrder = views.keySet().iterator().next();
		HttpResponse<String> stranger = first.client().get("/internal/state/order-view?key=" + someOrder);
		assertThat(stranger.statusCode()).isEqualTo(403);
		assertThat(stranger.body()).doesNotContain(someOrder);

		// Keys another instance is asked for travel intact, whatever they hold.
		for (String customer : List.of("a b " + this.run, "a+b " + this.run, "é" + this.run)) {
			String placedBy = ServiceClient
				.json(first.client()
					.postJson("/api/orders", "{\"customerId\":\"" + customer
							+ "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3}]}"))
				.get("orderId")
				.asString();
			String path = "/api/customers/" + UriUtils.encodePathSegment(customer, StandardCharsets.UTF_8) + "/orders";
			for (ServiceInstance instance : List.of(first, second)) {
				JsonNode list = await().atMost(Duration.ofSeconds(30))
					.until(() -> ServiceClient.json(instance.client().get(path)),
							(body) -> body.get("orders").size() == 1);
				assertThat(list.get("customerId").asString()).isEqualTo(customer);
				assertThat(list.get("orders").get(0).get("orderId").asString()).isEqualTo(placedBy);
			}
		}

		// A customer's orders are spread over every partition, so over both instances:
		// either answers the whole list, merged newest first.
		String customer = "many-" + this.run;
		List<String> newestFirst = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			ServiceClient placing = (i % 2 == 0) ? first.client() : second.client();
			newestFirst.add(0,
					ServiceClient.json(placing.postJson("/api/orders", "{\"customerId\":\"" + customer
							+ "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3}]}"))
						.get("orderId")
						.asString());
		}
		assertListed(customer, newestFirst, first, second);

		first.close();
		this.instances.remove(first);
		ServiceInstance restarted = start("restarted");
		// While the tasks move and the moved stores restore, every read is the right
		// answer or a 503 to retry: never a 404 for an order that exists, never a 500.
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			boolean allAnswered = true;
			for (Map.Entry<String, String> view : views.entrySet()) {
				HttpResponse<String> read = restarted.client().get("/api/orders/" + view.getKey());
				if (read.statusCode() == 503) {
					assertThat(read.headers().firstValue("Retry-After")).isPresent();
					allAnswered = false;
				}
				else {
					assertThat(read.statusCode()).as("read of %s during the rebalance", view.getKey()).isEqualTo(200);
					assertThat(read.body()).isEqualTo(view.getValue());
				}
			}
			return allAnswered && streams(restarted).state() == KafkaStreams.State.RUNNING;
		});
		awaitSharingTheTasks(restarted, second);
		assertSameAnswers(views, restarted, second);
		assertListed(customer, newestFirst, restarted, second);

		second.close();
		this.instances.remove(second);
		await().atMost(Duration.ofSeconds(90))
			.until(() -> streams(restarted).state() == KafkaStreams.State.RUNNING && activeTasks(restarted) == 6);
		assertSameAnswers(views, restarted);
		assertListed(customer, newestFirst, restarted);
	}

	private ServiceInstance start(String name, String... properties) throws IOException {
		List<String> all = new ArrayList<>(List.of("eventsuite.topics.orders.name=orders-pair-" + this.run,
				"spring.kafka.streams.application-id=order-view-pair-" + this.run,
				"eventsuite.streams.internal-token=" + this.token,
				"spring.kafka.streams.state-dir=" + Files.createDirectories(this.stateDirs.resolve(name))));
		all.addAll(List.of(properties));
		ServiceInstance instance = ServiceInstance.start(OrderServiceApplication.class, all.toArray(String[]::new));
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

	private static void assertListed(String customer, List<String> newestFirst, ServiceInstance... instances) {
		for (ServiceInstance instance : instances) {
			JsonNode list = await().atMost(Duration.ofSeconds(30))
				.until(() -> ServiceClient
					.json(instance.client().get("/api/customers/" + customer + "/orders?limit=100")),
						(body) -> body.get("orders").size() == newestFirst.size());
			assertThat(list.get("orders").valueStream().map((order) -> order.get("orderId").asString()))
				.as("orders of %s on %s", customer, instance.client().uri("/"))
				.containsExactlyElementsOf(newestFirst);
		}
	}

	@Test
	void aReadBeyondTheForwardingBoundIsA503AtOnceWhileReadsOfItsOwnKeysGoOn() throws IOException {
		// No read of this instance may wait for the other one: as when all its allowed
		// forwarding reads are busy.
		ServiceInstance bounded = start("bounded", "eventsuite.streams.forwarding-reads=0");
		ServiceInstance other = start("other");
		awaitSharingTheTasks(bounded, other);

		Map<Boolean, List<String>> byHost = new HashMap<>(Map.of(true, new ArrayList<>(), false, new ArrayList<>()));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			String orderId = ServiceClient
				.json(bounded.client()
					.postJson("/api/orders", "{\"customerId\":\"bounded-" + this.run
							+ "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":3}]}"))
				.get("orderId")
				.asString();
			byHost.get(hostedBy(bounded, orderId)).add(orderId);
			return !byHost.get(true).isEmpty() && !byHost.get(false).isEmpty();
		});

		assertThat(byHost.get(true)).allMatch((here) -> hostedBy(bounded, here));
		for (String here : byHost.get(true)) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> bounded.client().get("/api/orders/" + here).statusCode() == 200);
		}
		for (String elsewhere : byHost.get(false)) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> other.client().get("/api/orders/" + elsewhere).statusCode() == 200);
			assertThat(hostedBy(other, elsewhere)).as("the tasks stayed where they were").isTrue();
			HttpResponse<String> forwarded = bounded.client().get("/api/orders/" + elsewhere);
			assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(503);
			assertThat(forwarded.headers().firstValue("Retry-After")).isPresent();
		}
		// A customer's list needs both instances.
		assertThat(bounded.client().get("/api/customers/bounded-" + this.run + "/orders").statusCode()).isEqualTo(503);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> other.client().get("/api/customers/bounded-" + this.run + "/orders").statusCode() == 200);
	}

	private static boolean hostedBy(ServiceInstance instance, String orderId) {
		KeyQueryMetadata metadata = streams(instance).queryMetadataForKey(OrderView.STORE, orderId,
				Serdes.String().serializer());
		return metadata.activeHost().port() == instance.client().uri("/").getPort();
	}

	/**
	 * Waits until every instance runs, is ready and hosts some of the tasks. Running
	 * alone is not enough: in a cooperative rebalance the first round only revokes the
	 * tasks that move, so the instance that joined runs with none of them until the
	 * follow-up round assigns them.
	 */
	private static void awaitSharingTheTasks(ServiceInstance... instances) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> List.of(instances)
				.stream()
				.allMatch((instance) -> streams(instance).state() == KafkaStreams.State.RUNNING
						&& instance.client().get("/actuator/health/readiness").statusCode() == 200
						&& activeTasks(instance) > 0));
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
