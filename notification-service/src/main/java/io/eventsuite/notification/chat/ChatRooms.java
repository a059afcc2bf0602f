package io.eventsuite.notification.chat;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.notification.live.SseBroadcaster;
import io.eventsuite.support.kafka.Delivery;

/**
 * Sends messages to rooms and connects clients to a room's live stream.
 */
@Service
class ChatRooms {

	private final ChatMessagePublisher publisher;

	private final SseBroadcaster broadcaster;

	private final Clock clock = Clock.systemUTC();

	ChatRooms(ChatMessagePublisher publisher, SseBroadcaster broadcaster) {
		this.publisher = publisher;
		this.broadcaster = broadcaster;
	}

	CompletableFuture<SentMessage> send(String roomId, String senderId, String text) {
		ChatMessageSent message = new ChatMessageSent(UUID.randomUUID(), roomId, senderId, text, this.clock.instant());
		UUID messageId = message.messageId();
		return this.publisher.publish(message).thenApply((delivery) -> new SentMessage(messageId, delivery));
	}

	SseEmitter stream(String roomId) {
		return this.broadcaster.subscribe(streamKey(roomId));
	}

	static String streamKey(String roomId) {
		return "room:" + roomId;
	}

	/**
	 * A message the broker confirmed.
	 *
	 * @param messageId the message
	 * @param delivery where it was written
	 */
	record SentMessage(UUID messageId, Delivery delivery) {
	}

}
