package io.eventsuite.notification.chat;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventsuite.events.Topics;
import io.eventsuite.support.kafka.EventTopics;

/**
 * Declares the {@code chat-messages} topic, which this service writes and reads, and its
 * dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ChatTopicConfiguration {

	@Bean
	NewTopic chatMessagesTopic(EventTopics topics) {
		return topics.declare(Topics.CHAT_MESSAGES);
	}

	@Bean
	NewTopic chatMessagesDeadLetterTopic(EventTopics topics) {
		return topics.declareDeadLetter(Topics.CHAT_MESSAGES);
	}

}
