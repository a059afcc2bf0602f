package io.eventsuite.activity.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ProducerFactory;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KafkaIntegrationTest
class ActivityApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProducerFactory<?, ?> producerFactory;

	@Autowired
	MeterRegistry meters;

	private ServiceClient client;

	private TopicReader userActivity;

	@BeforeEach
	void setUp() {
		this.client = ServiceClient.onPort(this.port);
		this.userActivity = TopicReader.of("user-activity");
	}

	@AfterEach
	void tearDown() {
		this.userActivity.close();
	}

	@Test
	void singleEventIsAcceptedAndPublishedKeyedByUser() {
		String userId = "user-" + UUID.randomUUID();
		Instant before = Instant.now();

		HttpResponse<String> response = this.client.postJson("/api/activity",
				"{\"userId\":\"%s\",\"type\":\"PAGE_VIEW\",\"target\":\"/products/42\",\"sessionId\":\"s-1\"}"
					.formatted(userId));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(ServiceClient.json(response).get("accepted").asInt()).isEqualTo(1);
		ConsumerRecord<String, CloudEvent<DomainEvent>> record = this.userActivity
			.awaitRecord((r) -> userId.equals(r.key()));
		assertThat(header(record, "ce_type")).isEqualTo("eventsuite.activity.recorded.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/eventsuite/activity-tracker");
		ActivityRecorded recorded = (ActivityRecorded) record.value().data();
		assertThat(recorded.userId()).isEqualTo(userId);
		assertThat(recorded.type()).isEqualTo(ActivityType.PAGE_VIEW);
		assertThat(recorded.target()).isEqualTo("/products/42");
		assertThat(recorded.sessionId()).isEqualTo("s-1");
		assertThat(recorded.occurredAt()).as("defaults to the time of arrival").isBetween(before, Instant.now());
	}

	@Test
	void clientTimeIsKept() {
		String userId = "user-" + UUID.randomUUID();

		this.client.postJson("/api/activity", event(userId, "LOGIN", "/login", "2026-01-02T03:04:05.678Z"));

		ActivityRecorded recorded = (ActivityRecorded) this.userActivity.awaitRecord((r) -> userId.equals(r.key()))
			.value()
			.data();
		assertThat(recorded.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
		assertThat(recorded.sessionId()).isNull();
	}

	@Test
	void batchEventsOfOneUserShareAPartitionInTheOrderSent() {
		String run = UUID.randomUUID().toString();
		List<String> users = IntStream.range(0, 5).mapToObj((u) -> "user-" + u + "-" + run).toList();
		List<String> events = IntStream.range(0, 50)
			.mapToObj((i) -> event(users.get(i % users.size()), "CLICK", "/page/" + i, null))
			.toList();

		HttpResponse<String> response = this.client.postJson("/api/activity/batch", array(events));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(ServiceClient.json(response).get("accepted").asInt()).isEqualTo(50);
		List<ConsumerRecord<String, CloudEvent<DomainEvent>>> records = this.userActivity.awaitRecords(50,
				(r) -> users.contains(r.key()));
		assertThat(records).hasSize(50);
		Map<String, List<ConsumerRecord<String, CloudEvent<DomainEvent>>>> byUser = records.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::key));
		assertThat(byUser).hasSize(5);
		byUser.forEach((userId, ofUser) -> {
			int u = users.indexOf(userId);
			assertThat(ofUser).extracting(ConsumerRecord::partition)
				.as("partitions of %s", userId)
				.containsOnly(ofUser.get(0).partition());
			assertThat(ofUser.stream()
				.sorted(Comparator.comparingLong(ConsumerRecord::offset))
				.map((r) -> ((ActivityRecorded) r.value().data()).target())).as("targets of %s in offset order", userId)
				.containsExactlyElementsOf(
						IntStream.range(0, 50).filter((i) -> i % 5 == u).mapToObj((i) -> "/page/" + i).toList());
		});
	}

	@Test
	void batchOverTheLimitIsRejectedAndNothingIsPublished() {
		String userId = "user-" + UUID.randomUUID();
		List<String> events = IntStream.range(0, 501).mapToObj((i) -> event(userId, "CLICK", "/p/" + i, null)).toList();

		HttpResponse<String> response = this.client.postJson("/api/activity/batch", array(events));

		assertProblem(response, 400);
		JsonNode problem = ServiceClient.json(response);
		assertThat(problem.get("title").asString()).isEqualTo("Batch too large");
		assertThat(problem.get("detail").asString()).contains("at most 500").contains("501");
		assertThat(problem.get("maxBatchSize").asInt()).isEqualTo(500);
		assertThat(this.userActivity.readToEnd()).noneMatch((r) -> userId.equals(r.key()));
	}

	@Test
	void invalidBatchElementIsRejectedNamingItsIndexAndField() {
		String userId = "user-" + UUID.randomUUID();
		List<String> events = List.of(event(userId, "CLICK", "/a", null), event(userId, "CLICK", "/b", null),
				event(userId, "CLICK", "/c", null), event("", "CLICK", "/d", null),
				"{\"userId\":\"%s\",\"type\":\"SEARCH\"}".formatted(userId));

		HttpResponse<String> response = this.client.postJson("/api/activity/batch", array(events));

		assertProblem(response, 400);
		JsonNode problem = ServiceClient.json(response);
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("[3].userId", "[4].target");
		assertThat(this.userActivity.readToEnd()).noneMatch((r) -> userId.equals(r.key()));
	}

	@Test
	void invalidSingleEventIsRejectedNamingEachBadField() {
		HttpResponse<String> response = this.client.postJson("/api/activity", """
				{"userId":"%s","type":"CLICK","target":"/x","sessionId":"%s"}""".formatted("u".repeat(65),
				"s".repeat(129)));

		assertProblem(response, 400);
		assertThat(
				ServiceClient.json(response).get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("sessionId", "userId");
	}

	@Test
	void anEventFromTheFutureIsRejectedAndOneWithinTheClockSkewIsNot() {
		HttpResponse<String> future = this.client.postJson("/api/activity",
				event("time-traveller", "PAGE_VIEW", "/x", "2099-01-01T00:00:00Z"));
		HttpResponse<String> slightlyAhead = this.client.postJson("/api/activity",
				event("fast-clock", "PAGE_VIEW", "/x", Instant.now().plusSeconds(60).toString()));

		assertProblem(future, 400);
		assertThat(ServiceClient.json(future).get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
		assertThat(slightlyAhead.statusCode()).isEqualTo(202);
	}

	@Test
	void anEventFromBefore1970IsRejected() {
		HttpResponse<String> resetClock = this.client.postJson("/api/activity",
				event("reset-clock", "PAGE_VIEW", "/x", "1969-12-31T23:00:00Z"));
		HttpResponse<String> ancient = this.client.postJson("/api/activity/batch", array(
				List.of(event("u-1", "CLICK", "/", null), event("u-1", "CLICK", "/", "-999999999-01-01T00:00:00Z"))));

		assertProblem(resetClock, 400);
		assertThat(ServiceClient.json(resetClock).get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
		assertThat(ServiceClient.json(resetClock).get("errors").get(0).get("message").asString())
			.isEqualTo("must not be before 1970-01-01T00:00:00Z");
		assertProblem(ancient, 400);
		assertThat(ServiceClient.json(ancient).get("errors").get(0).get("field").asString())
			.isEqualTo("[1].occurredAt");
	}

	@Test
	void unknownActivityTypeIsABadRequestNotAServerError() {
		assertProblem(this.client.postJson("/api/activity", event("u-1", "DANCE", "/", null)), 400);
		assertProblem(this.client.postJson("/api/activity/batch", array(List.of(event("u-1", "DANCE", "/", null)))),
				400);
	}

	@Test
	void emptyOrNullBatchElementsAreNamed() {
		HttpResponse<String> empty = this.client.postJson("/api/activity/batch", "[]");
		HttpResponse<String> nullElement = this.client.postJson("/api/activity/batch",
				array(List.of(event("u-1", "CLICK", "/", null), "null")));

		assertProblem(empty, 400);
		assertThat(ServiceClient.json(empty).get("errors").get(0).get("field").asString()).isEqualTo("batch");
		assertProblem(nullElement, 400);
		assertThat(ServiceClient.json(nullElement).get("errors").get(0).get("field").asString()).isEqualTo("[1]");
	}

	@Test
	void malformedBodiesGetProblemDetails() {
		assertProblem(this.client.postJson("/api/activity", event("u-1", "CLICK", "/", "yesterday")), 400);
		assertProblem(this.client.postJson("/api/activity/batch", event("u-1", "CLICK", "/", null)), 400);
		assertProblem(this.client.post("/api/activity", "text/plain", event("u-1", "CLICK", "/", null)), 415);
		assertProblem(this.client.postJson("/api/activity", "{\"target\":\"" + "x".repeat(1_100_000) + "\"}"), 413);
	}

	@Test
	void producerIsTunedForThroughput() {
		Map<String, Object> config = new HashMap<>(this.producerFactory.getConfigurationProperties());
		ProducerConfig producer = new ProducerConfig(config);

		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "1");
		assertThat(producer.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG)).isEqualTo("lz4");
		assertThat(producer.getLong(ProducerConfig.LINGER_MS_CONFIG)).isEqualTo(20L);
		assertThat(producer.getInt(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(65536);
		assertThat(producer.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(2000L);
		assertThat(producer.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).as("Kafka turns it off for acks=1")
			.isFalse();
	}

	@Test
	void acknowledgedEventsAreCounted() {
		double before = published();
		String userId = "user-" + UUID.randomUUID();
		List<String> events = IntStream.range(0, 10).mapToObj((i) -> event(userId, "SEARCH", "q" + i, null)).toList();

		assertThat(this.client.postJson("/api/activity/batch", array(events)).statusCode()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(published()).isGreaterThanOrEqualTo(before + 10));
	}

	private double published() {
		return this.meters.get("eventsuite.activity.published").counter().count();
	}

	static String event(String userId, String type, String target, String occurredAt) {
		return "{\"userId\":\"%s\",\"type\":\"%s\",\"target\":\"%s\"%s}".formatted(userId, type, target,
				(occurredAt != null) ? ",\"occurredAt\":\"" + occurredAt + "\"" : "");
	}

	static String array(List<String> events) {
		return "[" + String.join(",", events) + "]";
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(ServiceClient.json(response).get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
