package io.eventsuite.activity.analytics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

import io.eventsuite.events.Topics;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.streams.QueryableStore;

/**
 * The Kafka Streams application of the analytics: its topology, the stores it lets
 * clients query, and the topics it reads.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AnalyticsConfiguration {

	@Bean
	KTable<String, UserProfile> userProfilesTable(StreamsBuilder streamsBuilder, EventTopics topics,
			AnalyticsProperties properties, MeterRegistry meters) {
		return ActivityAnalyticsTopology.build(streamsBuilder, InputTopics.of(topics), properties, meters);
	}

	@Bean
	QueryableStore<UserProfile> userProfilesStore(EventTopics topics) {
		return QueryableStore.of(ActivityAnalyticsTopology.USER_PROFILES, UserProfile.class)
			.readYourWrites(topics.name(Topics.USER_ACTIVITY));
	}

	@Bean
	QueryableStore<TopPages> topPagesStore() {
		return QueryableStore.of(ActivityAnalyticsTopology.TOP_PAGES, TopPages.class);
	}

	// order-service and notification-service own these topics. They are declared here
	// too because Kafka Streams stops when a source topic is missing and the brokers do
	// not create topics on first use, so the analytics could not start before those
	// services ever ran. Whichever service starts first creates them, with the layout
	// every service is configured with (eventsuite.topics.*); declaring an existing
	// topic changes nothing as long as that layout is the same everywhere (Spring's
	// KafkaAdmin would add partitions to a declared topic that has fewer, which moves
	// keys).

	@Bean
	NewTopic ordersTopic(EventTopics topics) {
		return topics.declare(Topics.ORDERS);
	}

	@Bean
	NewTopic chatMessagesTopic(EventTopics topics) {
		return topics.declare(Topics.CHAT_MESSAGES);
	}

}
