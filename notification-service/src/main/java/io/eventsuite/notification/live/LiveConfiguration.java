package io.eventsuite.notification.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

import io.eventsuite.support.kafka.EventTopics;

/**
 * Publish-subscribe reading: listeners name their partitions (from
 * {@link PartitionFinder}) and no group, so every instance reads everything. spring-kafka
 * then acknowledges manually, and since nothing acknowledges, no offset is ever
 * committed: each instance decides where it starts reading when it starts.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	@Bean
	PartitionFinder partitionFinder(ConsumerFactory<?, ?> consumerFactory, EventTopics topics) {
		return new PartitionFinder(consumerFactory, topics);
	}

	@Bean
	SseBroadcaster sseBroadcaster(LiveProperties properties) {
		return new SseBroadcaster(properties.streamTimeout());
	}

}
