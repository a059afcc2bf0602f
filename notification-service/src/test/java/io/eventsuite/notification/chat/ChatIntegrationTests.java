package io.eventsuite.notification.chat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.notification.NotificationServiceApplication;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceInstance;
import io.eventsuite.test.SseClient;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chat is publish-subscribe: every instance reads every room, so a message posted to one
 * instance reaches the room's clients on all of them, in the order it was sent.
 */
@KafkaIntegrationTest
class ChatIntegrationTests {

	private static final int MESSAGES = 20;

	/** Chat messages a fresh instance reads back, in one partition. */
	private static final int READ_BACK = 50_000;

	@LocalServerPort
	int port;

	@Test
	void everyInstanceDeliversEveryRoomInOrder() {
		String room = "room-" + UUID.randomUUID();
		ServiceClient instanceA = ServiceClient.onPort(this.port);
		try (ServiceInstance instanceB = ServiceInstance.start(NotificationServiceApplication.class,
				"eventsuite.notifications.group-id=chat-test-" + room);
				SseClient onA = SseClient.connect(instanceA.uri("/api/chat/rooms/" + room + "/stream"));
				SseClient onB = SseClient.connect(instanceB.client().uri("/api/chat/rooms/" + room + "/stream"))) {
			List<String> sent = send(instanceA, room, MESSAGES);

			assertThat(messageIds(onB.awaitEvents(MESSAGES))).containsExactlyElementsOf(sent);
			assertThat(messageIds(onA.awaitEvents(MESSAGES))).containsExactlyElementsOf(sent);
			// The JSON as sent, in UTF-8, whatever its characters.
			assertThat(onB.awaitEvents(MESSAGES).get(0).get("text").asString()).isEqualTo(text(0));
		}
	}

	@Test
	void aClientThatReconnectsGetsWhatWasSaidWhileItWasAwayFromAnyInstance() {
		String room = "room-" + UUID.randomUUID();
		ServiceClient instanceA = ServiceClient.onPort(this.port);
		String stream = "/api/chat/rooms/" + room + "/stream";
		String lastSeen;
		try (SseClient beforeLeaving = SseClient.connect(instanceA.uri(stream))) {
			send(instanceA, room, 3);
			beforeLeaving.awaitEvents(3);
			lastSeen = beforeLeaving.ids().get(2);
		}
		List<String> missed = send(instanceA, room, 3);

		// A fresh instance reads the last hour back: it knows the room's history too.
		try (ServiceInstance instanceB = ServiceInstance.start(NotificationServiceApplication.class,
				"eventsuite.notifications.group-id=chat-test-" + room)) {
			ServiceClient onB = instanceB.client();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ServiceClient.json(onB.get("/api/chat/rooms/" + room + "/messages")).size() == 6);
			List<String> newestFirst = new ArrayList<>(missed);
			Collections.reverse(newestFirst);
			assertThat(messageIds(ServiceClient.json(onB.get("/api/chat/rooms/" + room + "/messages"))).subList(0, 3))
				.containsExactlyElementsOf(newestFirst);

			try (SseClient resumed = SseClient.resume(onB.uri(stream), lastSeen)) {
				assertThat(messageIds(resumed.awaitEvents(3))).containsExactlyElementsOf(missed);
				List<String> next = send(instanceA, room, 1);

				List<String> expected = new ArrayList<>(missed);
				expected.addAll(next);
				assertThat(messageIds(resumed.awaitEvents(4))).containsExactlyElementsOf(expected);
			}
		}
	}

	@Test
	void aFreshInstanceIsReadyOnlyOnceItHasReadBackTheHistory() {
		// A topic of its own, read by instance B alone: one room, so one partition,
		// long enough that reading it back takes longer than starting does, written in
		// one transaction as services write, so that it ends on a commit marker after
		// the last message: read back only once the partition is found quiet there.
		String topic = "chat-read-back-" + UUID.randomUUID();
		String room = "room-" + UUID.randomUUID();
		EventWriter.ensureTopic(topic);
		List<ChatMessageSent> history = IntStream.range(0, READ_BACK)
			.mapToObj((n) -> new ChatMessageSent(UUID.randomUUID(), room, "s", "message " + n, Instant.now()))
			.toList();
		try (EventWriter writer = EventWriter.as("/test")) {
			writer.writeAllInOneTransaction(topic, history);
		}

		try (ServiceInstance instanceB = ServiceInstance.start(NotificationServiceApplication.class,
				"eventsuite.notifications.group-id=chat-test-" + room, "eventsuite.topics.chat-messages.name=" + topic,
				"management.endpoint.health.group.readiness.show-details=always")) {
			ServiceClient onB = instanceB.client();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> onB.get("/readyz").statusCode() == 200);

			JsonNode newestFirst = ServiceClient.json(onB.get("/api/chat/rooms/" + room + "/messages"));
			assertThat(newestFirst).as("the room's history as soon as the instance is ready").isNotEmpty();
			assertThat(newestFirst.get(0).get("text").asString()).isEqualTo("message " + (READ_BACK - 1));
			assertThat(ServiceClient.json(onB.get("/actuator/health/readiness")).toString())
				.contains("\"history\":{\"status\":\"UP\"");
		}
	}

	@Test
	void aClientThatConnectsWithoutALastEventIdGetsOnlyWhatIsSaidNext() {
		String room = "room-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);
		send(client, room, 2);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ServiceClient.json(client.get("/api/chat/rooms/" + room + "/messages")).size() == 2);

		try (SseClient fresh = SseClient.connect(client.uri("/api/chat/rooms/" + room + "/stream"))) {
			List<String> next = send(client, room, 1);

			assertThat(messageIds(fresh.awaitEvents(1))).containsExactlyElementsOf(next);
			assertThat(fresh.events()).hasSize(1);
		}
	}

	@Test
	void aMessageOverTheContractsLimitsIsDeadLetteredAndTheRoomGoesOn() {
		String room = "room-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);
		try (EventWriter foreign = EventWriter.as("/elsewhere");
				TopicReader deadLetters = TopicReader.of("chat-messages-dlt")) {
			CloudEvent<DomainEvent> tooLong = foreign.write("chat-messages", new ChatMessageSent(UUID.randomUUID(),
					room, "mallory", "x".repeat(ChatMessageSent.MAX_TEXT + 1), Instant.now()));
			List<String> next = send(client, room, 1);

			await().atMost(Duration.ofSeconds(30))
				.until(() -> messageIds(ServiceClient.json(client.get("/api/chat/rooms/" + room + "/messages"))),
						(kept) -> kept.equals(next));
			ConsumerRecord<String, CloudEvent<DomainEvent>> dead = deadLetters
				.awaitRecord((r) -> r.value().id().equals(tooLong.id()));
			assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(),
					StandardCharsets.UTF_8))
				.contains("text 2001 UTF-16 units");
		}
	}

	@Test
	void aRoomsMessagesShareOnePartition() {
		String room = "room-" + UUID.randomUUID();
		ServiceClient client = ServiceClient.onPort(this.port);

		int first = ServiceClient
			.json(client.postJson("/api/chat/rooms/" + room + "/messages", "{\"senderId\":\"bob\",\"text\":\"one\"}"))
			.get("partition")
			.asInt();
		int second = ServiceClient
			.json(client.postJson("/api/chat/rooms/" + room + "/messages", "{\"senderId\":\"bob\",\"text\":\"two\"}"))
			.get("partition")
			.asInt();

		assertThat(second).isEqualTo(first);
	}

	@Test
	void invalidMessagesAreRejected() {
		ServiceClient client = ServiceClient.onPort(this.port);

		HttpResponse<String> empty = client.postJson("/api/chat/rooms/r1/messages",
				"{\"senderId\":\"bob\",\"text\":\"\"}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(ServiceClient.json(empty).get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(client.postJson("/api/chat/rooms/bad%20room/messages", "{\"senderId\":\"bob\",\"text\":\"hi\"}")
			.statusCode()).isEqualTo(400);

		// Characters, as the contract counts them: an emoji is one, though two UTF-16
		// units.
		String emoji = "\uD83D\uDE00";
		assertThat(client
			.postJson("/api/chat/rooms/r1/messages",
					"{\"senderId\":\"bob\",\"text\":\"" + emoji.repeat(ChatMessageSent.MAX_TEXT) + "\"}")
			.statusCode()).isEqualTo(202);
		HttpResponse<String> tooLong = client.postJson("/api/chat/rooms/r1/messages",
				"{\"senderId\":\"bob\",\"text\":\"" + emoji.repeat(ChatMessageSent.MAX_TEXT + 1) + "\"}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		JsonNode error = ServiceClient.json(tooLong).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("text");
		assertThat(error.get("message").asString()).isEqualTo("must be at most 2000 characters");
	}

	private static List<String> send(ServiceClient client, String room, int count) {
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HttpResponse<String> response = client.postJson("/api/chat/rooms/" + room + "/messages",
					"{\"senderId\":\"carol\",\"text\":\"" + text(i) + "\"}");
			assertThat(response.statusCode()).isEqualTo(202);
			sent.add(ServiceClient.json(response).get("messageId").asString());
		}
		return sent;
	}

	private static String text(int n) {
		return "message " + n + " \u00fc\u0416\uD83D\uDE00";
	}

	private static List<String> messageIds(Iterable<JsonNode> events) {
		List<String> ids = new ArrayList<>();
		events.forEach((event) -> ids.add(event.get("messageId").asString()));
		return ids;
	}

}
