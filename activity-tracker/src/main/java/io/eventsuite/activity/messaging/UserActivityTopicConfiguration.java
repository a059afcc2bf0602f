package io.eventsuite.activity.messaging;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventsuite.events.Topics;
import io.eventsuite.support.kafka.EventTopics;

/**
 * Declares the {@code user-activity} topic: created at start-up when absent, with the
 * configured partitions and replicas.
 */
@Configuration(proxyBeanMethods = false)
class UserActivityTopicConfiguration {

	@Bean
	NewTopic userActivityTopic(EventTopics topics) {
		return topics.declare(Topics.USER_ACTIVITY);
	}

}
