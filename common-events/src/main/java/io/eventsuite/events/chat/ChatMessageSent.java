package io.eventsuite.events.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone sent a message to a chat room.
 *
 * @param messageId the message
 * @param roomId the room, also the record key
 * @param senderId who sent it
 * @param text what was said
 * @param sentAt when
 */
public record ChatMessageSent(UUID messageId, String roomId, String senderId, String text,
		Instant sentAt) implements ChatEvent {

	public ChatMessageSent {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(roomId, "roomId");
		Objects.requireNonNull(senderId, "senderId");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(sentAt, "sentAt");
	}

	@Override
	public Instant occurredAt() {
		return this.sentAt;
	}

}
