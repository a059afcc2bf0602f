package io.eventsuite.notification.chat;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import io.eventsuite.events.Topics;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.support.kafka.Delivery;
import io.eventsuite.support.kafka.EventPublisher;

/**
 * The one writer of {@code chat-messages}. Keyed by room id: one room, one partition, so
 * a room's messages are read in the order they were written.
 */
@Component
class ChatMessagePublisher {

	private final EventPublisher publisher;

	ChatMessagePublisher(EventPublisher publisher) {
		this.publisher = publisher;
	}

	CompletableFuture<Delivery> publish(ChatMessageSent message) {
		return this.publisher.publish(Topics.CHAT_MESSAGES, message);
	}

}
