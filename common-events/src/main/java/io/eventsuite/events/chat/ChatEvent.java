package io.eventsuite.events.chat;

import io.eventsuite.events.DomainEvent;

/**
 * An event of the {@code chat-messages} topic.
 */
public sealed interface ChatEvent extends DomainEvent permits ChatMessageSent {

	String roomId();

	@Override
	default String key() {
		return roomId();
	}

}
