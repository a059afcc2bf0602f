package io.eventsuite.events.activity;

import io.eventsuite.events.DomainEvent;

/**
 * An event of the {@code user-activity} topic.
 */
public sealed interface ActivityEvent extends DomainEvent permits ActivityRecorded {

	String userId();

	@Override
	default String key() {
		return userId();
	}

}
