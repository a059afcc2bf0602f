package io.eventsuite.notification.orders;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventsuite.events.Topics;
import io.eventsuite.support.kafka.EventTopics;

/**
 * Declares the {@code notifications} topic, which this service writes, and the
 * dead-letter topics of the topics it reads.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsTopicConfiguration {

	@Bean
	NewTopic notificationsTopic(EventTopics topics) {
		return topics.declare(Topics.NOTIFICATIONS);
	}

	@Bean
	NewTopic ordersDeadLetterTopic(EventTopics topics) {
		return topics.declareDeadLetter(Topics.ORDERS);
	}

	@Bean
	NewTopic notificationsDeadLetterTopic(EventTopics topics) {
		return topics.declareDeadLetter(Topics.NOTIFICATIONS);
	}

}
