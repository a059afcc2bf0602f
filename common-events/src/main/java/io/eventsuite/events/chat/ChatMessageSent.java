package io.eventsuite.events.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.eventsuite.events.Lengths;

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

	/** The longest room id: the schema's {@code maxLength}. */
	public static final int MAX_ROOM_ID = 64;

	/** The longest sender id: the schema's {@code maxLength}. */
	public static final int MAX_SENDER_ID = 64;

	/** The longest text: the schema's {@code maxLength}. */
	public static final int MAX_TEXT = 2_000;

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

	/**
	 * Whether every text is within the schema's limits. Any producer may write to
	 * {@code chat-messages}; a reader that keeps messages should keep only these.
	 * @return {@code true} if no text is longer than its {@code maxLength}
	 */
	public boolean withinLimits() {
		return Lengths.within(this.roomId, MAX_ROOM_ID) && Lengths.within(this.senderId, MAX_SENDER_ID)
				&& Lengths.within(this.text, MAX_TEXT);
	}

}
