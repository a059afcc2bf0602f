package io.eventsuite.notification.chat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.notification.NotificationServiceApplication;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceInstance;
import io.eventsuite.test.SseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat is publish-subscribe: every instance reads every room, so a message posted to one
 * instance reaches the room's clients on all of them, in the order it was sent.
 */
@KafkaIntegrationTest
class ChatIntegrationTests {

	private static final int MESSAGES = 20;

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
			List<String> sent = new ArrayList<>();
			for (int i = 0; i < MESSAGES; i++) {
				HttpResponse<String> response = instanceA.postJson("/api/chat/rooms/" + room + "/messages",
						"{\"senderId\":\"alice\",\"text\":\"message " + i + "\"}");
				assertThat(response.statusCode()).isEqualTo(202);
				sent.add(ServiceClient.json(response).get("messageId").asString());
			}

			assertThat(messageIds(onB.awaitEvents(MESSAGES))).containsExactlyElementsOf(sent);
			assertThat(messageIds(onA.awaitEvents(MESSAGES))).containsExactlyElementsOf(sent);
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
	}

	private static List<String> messageIds(List<JsonNode> events) {
		return events.stream().map((event) -> event.get("messageId").asString()).toList();
	}

}
