package io.eventsuite.events.notification;

import io.eventsuite.events.DomainEvent;

/**
 * An event of the {@code notifications} topic.
 */
public sealed interface NotificationEvent extends DomainEvent permits NotificationSent {

	String userId();

	@Override
	default String key() {
		return userId();
	}

}
