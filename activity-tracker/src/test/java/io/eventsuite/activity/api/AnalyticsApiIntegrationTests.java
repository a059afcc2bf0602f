package io.eventsuite.activity.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.RawTopicReader;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TestKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analytics end to end on a real broker: activity recorded over HTTP, orders and chat
 * messages written by "other services", read back over HTTP. Its own application id and
 * topics keep it apart from the other tests on the shared broker.
 */
@KafkaIntegrationTest(
		properties = { "spring.kafka.streams.application-id=" + AnalyticsApiIntegrationTests.APPLICATION_ID,
				"eventsuite.topics.user-activity.name=" + AnalyticsApiIntegrationTests.USER_ACTIVITY,
				"eventsuite.topics.orders.name=" + AnalyticsApiIntegrationTests.ORDERS,
				"eventsuite.topics.chat-messages.name=" + AnalyticsApiIntegrationTests.CHAT_MESSAGES,
				"eventsuite.analytics.bot-users=probe-1" })
class AnalyticsApiIntegrationTests {

	static final String APPLICATION_ID = "activity-tracker-analytics-api-tests";

	static final String USER_ACTIVITY = "user-activity-analytics-api";

	static final String ORDERS = "orders-analytics-api";

	static final String CHAT_MESSAGES = "chat-messages-analytics-api";

	/** {@code ${spring.application.name}-streams-dlt}. */
	static final String DEAD_LETTERS = "activity-tracker-streams-dlt";

	private static final Duration STATE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	private ServiceClient client;

	@BeforeEach
	void setUp() {
		this.client = ServiceClient.onPort(this.port);
	}

	@Test
	void recordedActivityBecomesTheUsersProfile() {
		String userId = "user-" + UUID.randomUUID();
		List<String> events = List.of(
				ActivityApiIntegrationTests.event(userId, "PAGE_VIEW", "/a", "2026-01-02T10:00:00Z"),
				ActivityApiIntegrationTests.event(userId, "SEARCH", "kafka", "2026-01-02T10:00:30Z"),
				ActivityApiIntegrationTests.event(userId, "PAGE_VIEW", "/b", "2026-01-02T10:00:10Z"));

		assertThat(this.client.postJson("/api/activity/batch", ActivityApiIntegrationTests.array(events)).statusCode())
			.isEqualTo(202);

		JsonNode profile = awaitProfile(userId, (p) -> p.get("activities").size() == 2);
		assertThat(profile.get("userId").asString()).isEqualTo(userId);
		assertThat(profile.get("activities").get("PAGE_VIEW").asLong()).isEqualTo(2);
		assertThat(profile.get("activities").get("SEARCH").asLong()).isEqualTo(1);
		assertThat(profile.get("ordersPlaced").asLong()).isZero();
		assertThat(profile.get("lastSeen").asString()).isEqualTo("2026-01-02T10:00:30Z");
	}

	@Test
	void ordersAndChatMessagesOfOtherServicesCountForTheUser() {
		String userId = "user-" + UUID.randomUUID();
		try (EventWriter orderService = EventWriter.as("/eventsuite/order-service");
				EventWriter notificationService = EventWriter.as("/eventsuite/notification-service")) {
			orderService.write(ORDERS, OrderPlaced.of(UUID.randomUUID(), userId,
					List.of(new OrderLine("BOOK-1", 1, BigDecimal.TEN)), "EUR", Instant.now()));
			notificationService.write(CHAT_MESSAGES,
					new ChatMessageSent(UUID.randomUUID(), "lobby", userId, "hi", Instant.now()));
			notificationService.write(CHAT_MESSAGES,
					new ChatMessageSent(UUID.randomUUID(), "books", userId, "hello", Instant.now()));
		}

		JsonNode profile = awaitProfile(userId, (p) -> p.get("chatMessagesSent").asLong() == 2);
		assertThat(profile.get("ordersPlaced").asLong()).isEqualTo(1);
		assertThat(profile.get("activities").isEmpty()).isTrue();
	}

	@Test
	void unknownUserIsANotFoundProblem() {
		HttpResponse<String> response = awaitState(
				() -> this.client.get("/api/activity/users/nobody-" + UUID.randomUUID()));

		assertProblem(response, 404);
		assertThat(ServiceClient.json(response).get("title").asString()).isEqualTo("Unknown user");
	}

	@Test
	void topPagesOfTheCurrentAndThePreviousMinute() {
		String run = "/it-" + UUID.randomUUID();
		String now = Instant.now().toString();
		List<String> views = IntStream.range(0, 3)
			.mapToObj((i) -> ActivityApiIntegrationTests.event("user-" + i, "PAGE_VIEW", run + "/a/?from=" + i, now))
			.toList();

		this.client.postJson("/api/activity/batch", ActivityApiIntegrationTests.array(views));
		this.client.postJson("/api/activity",
				ActivityApiIntegrationTests.event("user-9", "PAGE_VIEW", run + "/b#top", now));
		this.client.postJson("/api/activity",
				ActivityApiIntegrationTests.event("probe-1", "PAGE_VIEW", run + "/b", now));

		// Each page is counted by the task that owns it: wait for both.
		JsonNode top = await().atMost(STATE)
			.until(() -> topPages(100), (body) -> views(body, run + "/b") > 0 && views(body, run + "/a") >= 3);
		assertThat(views(top, run + "/a")).isEqualTo(3);
		assertThat(views(top, run + "/b")).as("the bot's view is not counted").isEqualTo(1);
		Instant currentStart = Instant.parse(top.get("current").get("windowStart").asString());
		assertThat(Instant.parse(top.get("current").get("windowEnd").asString()))
			.isEqualTo(currentStart.plusSeconds(60));
		assertThat(Instant.parse(top.get("previous").get("windowEnd").asString())).isEqualTo(currentStart);
		assertThat(top.get("current").get("pages").size()).isLessThanOrEqualTo(100);
		assertThat(topPages(1).get("current").get("pages").size()).isLessThanOrEqualTo(1);
	}

	@Test
	void limitOutsideOneToAHundredIsABadRequestProblem() {
		for (String limit : List.of("0", "101", "-1", "ten")) {
			HttpResponse<String> response = this.client.get("/api/activity/pages/top?limit=" + limit);
			assertProblem(response, 400);
		}
		assertThat(ServiceClient.json(this.client.get("/api/activity/pages/top?limit=101"))
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("limit");
	}

	@Test
	void erasedUserIsGoneAtOnceAfterTheAcknowledgement() {
		String userId = "user-" + UUID.randomUUID();
		this.client.postJson("/api/activity", ActivityApiIntegrationTests.event(userId, "LOGIN", "/login", null));
		awaitProfile(userId, (p) -> true);

		HttpResponse<String> erased = this.client.delete("/api/activity/users/" + userId);

		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
		JsonNode receipt = ServiceClient.json(erased);
		assertThat(receipt.get("userId").asString()).isEqualTo(userId);
		assertThat(receipt.get("topic").asString()).isEqualTo(USER_ACTIVITY);
		assertThat(receipt.get("offset").asLong()).isPositive();
		// Read-your-writes: never the old profile, at worst a 503 while the view catches
		// up.
		HttpResponse<String> afterwards = awaitState(() -> this.client.get("/api/activity/users/" + userId));
		assertProblem(afterwards, 404);
	}

	@Test
	void invalidAndUnreadableRecordsGoToTheDeadLetterTopicAndTheNextEventCounts() {
		String userId = "user-" + UUID.randomUUID();
		String impostor = "impostor-" + UUID.randomUUID();
		String garbage = "garbage-" + UUID.randomUUID();
		try (KafkaProducer<String, CloudEvent<?>> events = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new CloudEventSerializer());
				KafkaProducer<String, byte[]> raw = new KafkaProducer<>(producerConfig(), new StringSerializer(),
						new ByteArraySerializer())) {
			events.send(new ProducerRecord<>(USER_ACTIVITY, impostor, CloudEvent.of(URI.create("/test"),
					new ActivityRecorded(userId, ActivityType.CLICK, "/a", null, Instant.now()))));
			raw.send(new ProducerRecord<>(USER_ACTIVITY, garbage, "{not an event".getBytes(StandardCharsets.UTF_8)));
		}
		this.client.postJson("/api/activity", ActivityApiIntegrationTests.event(userId, "CLICK", "/b", null));

		try (RawTopicReader deadLetters = RawTopicReader.of(DEAD_LETTERS)) {
			List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRecords(2,
					(r) -> impostor.equals(r.key()) || garbage.equals(r.key()));
			assertThat(dead)
				.allSatisfy((r) -> assertThat(header(r, "__streams.errors.topic")).isEqualTo(USER_ACTIVITY));
			assertThat(dead).extracting((r) -> header(r, "__streams.errors.exception"))
				.containsExactlyInAnyOrder("io.eventsuite.activity.analytics.InvalidEventException",
						"io.eventsuite.events.wire.InvalidCloudEventException");
		}
		JsonNode profile = awaitProfile(userId, (p) -> true);
		assertThat(profile.get("activities").get("CLICK").asLong()).as("the impostor's click is not the user's")
			.isEqualTo(1);
	}

	private JsonNode awaitProfile(String userId, Predicate<JsonNode> condition) {
		HttpResponse<String> response = await().atMost(STATE)
			.until(() -> this.client.get("/api/activity/users/" + userId),
					(r) -> r.statusCode() == 200 && condition.test(ServiceClient.json(r)));
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		return ServiceClient.json(response);
	}

	private JsonNode topPages(int limit) {
		HttpResponse<String> response = awaitState(() -> this.client.get("/api/activity/pages/top?limit=" + limit));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ServiceClient.json(response);
	}

	/**
	 * Waits out the {@code 503}s of a state store that is starting or catching up; any
	 * other answer is the answer.
	 */
	private static HttpResponse<String> awaitState(Callable<HttpResponse<String>> request) {
		return await().atMost(STATE).until(request, (r) -> r.statusCode() != 503);
	}

	private static long views(JsonNode top, String page) {
		return List.of(top.get("current"), top.get("previous"))
			.stream()
			.flatMap((window) -> window.get("pages").valueStream())
			.filter((views) -> views.get("page").asString().equals(page))
			.mapToLong((views) -> views.get("views").asLong())
			.sum();
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(ServiceClient.json(response).get("status").asInt()).isEqualTo(status);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
