package io.eventsuite.activity.analytics;

import io.eventsuite.events.Topics;
import io.eventsuite.support.kafka.EventTopics;

/**
 * The topics the analytics read, as this service is configured to name them.
 *
 * @param userActivity the {@code user-activity} topic
 * @param orders the {@code orders} topic
 * @param chatMessages the {@code chat-messages} topic
 * @param userActivityPartitions the partitions of {@code user-activity}: the orders and
 * chat messages re-keyed by user get as many, so that a user's profile is built by the
 * task that reads that user's partition of {@code user-activity}
 */
record InputTopics(String userActivity, String orders, String chatMessages, int userActivityPartitions) {

	static InputTopics of(EventTopics topics) {
		return new InputTopics(topics.name(Topics.USER_ACTIVITY), topics.name(Topics.ORDERS),
				topics.name(Topics.CHAT_MESSAGES), topics.partitions(Topics.USER_ACTIVITY.defaultName()));
	}

}
