package io.eventsuite.notification.chat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.notification.live.HeapWeights;
import io.eventsuite.notification.live.RecentEvents;
import io.eventsuite.notification.live.SseBroadcaster;
import io.eventsuite.support.kafka.Delivery;

/**
 * Sends messages to rooms, keeps each room's recent messages, and connects clients to a
 * room's stream: what they missed since {@code Last-Event-ID}, then live.
 */
@Service
class ChatRooms {

	private final ChatMessagePublisher publisher;

	private final SseBroadcaster broadcaster;

	private final RecentEvents<RoomMessage> history;

	private final Clock clock = Clock.systemUTC();

	ChatRooms(ChatMessagePublisher publisher, SseBroadcaster broadcaster, ChatHistoryProperties properties) {
		this.publisher = publisher;
		this.broadcaster = broadcaster;
		this.history = new RecentEvents<>(properties.limits(), RoomMessage::eventId, RoomMessage::weight);
	}

	CompletableFuture<SentMessage> send(String roomId, String senderId, String text) {
		ChatMessageSent message = new ChatMessageSent(UUID.randomUUID(), roomId, senderId, text, this.clock.instant());
		UUID messageId = message.messageId();
		return this.publisher.publish(message).thenApply((delivery) -> new SentMessage(messageId, delivery));
	}

	/**
	 * Remembers a message read from {@code chat-messages} and, if it is news, sends it to
	 * the room's clients on this instance: an instance reading back the last hour on
	 * start is learning history ({@link io.eventsuite.notification.live.NewsMarks}).
	 * @param eventId the record's CloudEvents id, the SSE id
	 * @param message the message
	 * @param news whether it came after what this instance read back
	 * @throws IllegalArgumentException if the message or its id breaks the contract's
	 * limits
	 */
	void deliver(String eventId, ChatMessageSent message, boolean news) {
		// Any producer may write to chat-messages: what breaks the contract's limits
		// would also break the history's bound on memory. Not retried: the listener
		// dead-letters it.
		if (!message.withinLimits()) {
			throw new IllegalArgumentException(
					"A chat message over its contract's limits (room id " + message.roomId().length() + ", sender id "
							+ message.senderId().length() + ", text " + message.text().length() + " UTF-16 units)");
		}
		RoomMessage delivered = new RoomMessage(eventId, message);
		SseBroadcaster.Event event = delivered.toEvent();
		String roomId = message.roomId();
		this.broadcaster.inOrder(streamKey(roomId), () -> {
			if (this.history.add(roomId, delivered) && news) {
				this.broadcaster.broadcast(streamKey(roomId), event);
			}
		});
	}

	/**
	 * Connects a client to a room's stream.
	 * @param roomId the room
	 * @param lastEventId the id of the last message the client saw, from
	 * {@code Last-Event-ID}; {@code null} or blank for a client that wants only what is
	 * said next
	 * @return the emitter
	 */
	SseEmitter stream(String roomId, String lastEventId) {
		return this.broadcaster.subscribe(streamKey(roomId), () -> SseBroadcaster.resumes(lastEventId)
				? this.history.after(roomId, lastEventId).stream().map(RoomMessage::toEvent).toList() : List.of());
	}

	/**
	 * The room's recent messages.
	 * @param roomId the room
	 * @return newest first
	 */
	List<ChatMessageSent> recent(String roomId) {
		return this.history.of(roomId).stream().map(RoomMessage::message).toList();
	}

	private static String streamKey(String roomId) {
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

	/**
	 * A message as this instance read it.
	 *
	 * @param eventId its record's CloudEvents id
	 * @param message the message
	 */
	private record RoomMessage(String eventId, ChatMessageSent message) {

		/**
		 * What a kept message holds besides its texts: this record, the message, its id
		 * and time, and its entries in the history.
		 */
		long weight() {
			return HeapWeights.of(256, this.eventId, this.message.roomId(), this.message.senderId(),
					this.message.text());
		}

		SseBroadcaster.Event toEvent() {
			return new SseBroadcaster.Event("chat-message", this.eventId, this.message);
		}

	}

}
