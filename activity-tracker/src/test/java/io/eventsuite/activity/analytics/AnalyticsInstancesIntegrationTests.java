package io.eventsuite.activity.analytics;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.eventsuite.activity.ActivityTrackerApplication;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service, one Kafka Streams application: each hosts some of the
 * partitions of {@code user-profiles}, either answers for any user, an erasure is gone
 * from both, and an instance that restarts with an empty state directory gets its state
 * back from the changelog.
 */
class AnalyticsInstancesIntegrationTests {

	// Fresh per run, so that a rerun on the same broker starts from empty topics.
	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String APPLICATION_ID = "activity-tracker-instances-" + RUN;

	private static final Duration STATE = Duration.ofSeconds(90);

	@TempDir
	static Path stateDirs;

	private static ServiceInstance first;

	private static ServiceInstance second;

	@BeforeAll
	static void startTwoInstances() {
		first = start("first");
		second = start("second");
		awaitReady(first);
		awaitReady(second);
	}

	@AfterAll
	static void stopInstances() {
		second.close();
		first.close();
	}

	@Test
	void eitherInstanceAnswersForAnyUser() {
		List<String> users = record(16);

		Map<String, JsonNode> fromFirst = awaitProfiles(first, users);
		Map<String, JsonNode> fromSecond = awaitProfiles(second, users);

		assertThat(fromSecond).isEqualTo(fromFirst);
		assertThat(users.stream().map((userId) -> hostPort(first, userId)).collect(Collectors.toSet()))
			.as("the users' partitions are spread over both instances, so some answers are forwarded")
			.containsExactlyInAnyOrder(port(first), port(second));
	}

	@Test
	void erasureIsGoneFromBothInstances() {
		String userId = record(1).get(0);
		awaitProfiles(first, List.of(userId));
		awaitProfiles(second, List.of(userId));

		HttpResponse<String> erased = second.client().delete("/api/activity/users/" + userId);

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
		for (ServiceInstance instance : List.of(first, second)) {
			HttpResponse<String> response = await().atMost(STATE)
				.until(() -> instance.client().get("/api/activity/users/" + userId), (r) -> r.statusCode() != 503);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		}
	}

	@Test
	void restartedInstanceRestoresItsStateFromTheChangelogAndAnswersAlike() {
		List<String> users = record(16);
		String erased = users.get(0);
		awaitProfiles(first, users);
		assertThat(first.client().delete("/api/activity/users/" + erased).statusCode()).isEqualTo(202);
		List<String> kept = users.subList(1, users.size());
		Map<String, JsonNode> before = awaitProfiles(first, kept);

		second.close();
		second = start("second-restarted");
		awaitReady(second);

		assertThat(awaitProfiles(second, kept)).isEqualTo(before);
		assertThat(awaitProfiles(first, kept)).isEqualTo(before);
		assertThat(second.client().get("/api/activity/users/" + erased).statusCode())
			.as("the erasure survives the restore: the changelog holds a tombstone")
			.isEqualTo(404);
		Map<String, UserProfile> restored = await().atMost(STATE)
			.until(() -> localProfiles(second, kept), (local) -> !local.isEmpty());
		assertThat(restored.keySet()).as("profiles in the new instance's own, fresh store")
			.allMatch((userId) -> hostPort(second, userId) == port(second));
	}

	private static ServiceInstance start(String name) {
		return ServiceInstance.start(ActivityTrackerApplication.class,
				"spring.kafka.streams.application-id=" + APPLICATION_ID,
				"spring.kafka.streams.state-dir=" + stateDirs.resolve(name),
				"eventsuite.topics.user-activity.name=user-activity-instances-" + RUN,
				"eventsuite.topics.orders.name=orders-instances-" + RUN,
				"eventsuite.topics.chat-messages.name=chat-messages-instances-" + RUN);
	}

	private static void awaitReady(ServiceInstance instance) {
		await().atMost(STATE).until(() -> instance.client().get("/actuator/health/readiness").statusCode() == 200);
	}

	/**
	 * Records a page view and a click for each of some new users, through the first
	 * instance.
	 */
	private static List<String> record(int count) {
		String run = UUID.randomUUID().toString();
		List<String> users = IntStream.range(0, count).mapToObj((i) -> "user-" + i + "-" + run).toList();
		String events = users.stream()
			.flatMap((userId) -> List.of(event(userId, "PAGE_VIEW", "/home"), event(userId, "CLICK", "menu")).stream())
			.collect(Collectors.joining(",", "[", "]"));
		assertThat(first.client().postJson("/api/activity/batch", events).statusCode()).isEqualTo(202);
		return users;
	}

	private static Map<String, JsonNode> awaitProfiles(ServiceInstance instance, List<String> users) {
		Map<String, JsonNode> profiles = new LinkedHashMap<>();
		for (String userId : users) {
			HttpResponse<String> response = await().atMost(STATE)
				.until(() -> instance.client().get("/api/activity/users/" + userId),
						(r) -> r.statusCode() == 200 && ServiceClient.json(r).get("activities").size() == 2);
			profiles.put(userId, ServiceClient.json(response));
		}
		return profiles;
	}

	private static Map<String, UserProfile> localProfiles(ServiceInstance instance, List<String> users) {
		ReadOnlyKeyValueStore<String, UserProfile> store = streams(instance).store(StoreQueryParameters.fromNameAndType(
				ActivityAnalyticsTopology.USER_PROFILES, QueryableStoreTypes.<String, UserProfile>keyValueStore()));
		Map<String, UserProfile> local = new HashMap<>();
		Set<String> wanted = Set.copyOf(users);
		try (KeyValueIterator<String, UserProfile> all = store.all()) {
			all.forEachRemaining((entry) -> {
				if (wanted.contains(entry.key)) {
					local.put(entry.key, entry.value);
				}
			});
		}
		return local;
	}

	private static int hostPort(ServiceInstance instance, String userId) {
		return streams(instance)
			.queryMetadataForKey(ActivityAnalyticsTopology.USER_PROFILES, userId, Serdes.String().serializer())
			.activeHost()
			.port();
	}

	private static KafkaStreams streams(ServiceInstance instance) {
		return instance.context().getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
	}

	private static int port(ServiceInstance instance) {
		return instance.context().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static String event(String userId, String type, String target) {
		return "{\"userId\":\"%s\",\"type\":\"%s\",\"target\":\"%s\"}".formatted(userId, type, target);
	}

}
