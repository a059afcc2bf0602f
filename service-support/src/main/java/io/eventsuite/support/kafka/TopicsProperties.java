package io.eventsuite.support.kafka;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic settings by topic id (the contract's default name), for example
 * {@code eventsuite.topics.orders.partitions=12}. A topic that is not configured keeps
 * its default name, six partitions and one replica.
 *
 * @param topics settings by topic id
 */
@ConfigurationProperties("eventsuite")
@Validated
public record TopicsProperties(@DefaultValue Map<String, @Valid Topic> topics) {

	/**
	 * How one topic is named and laid out.
	 *
	 * @param name the topic name, the contract's default name when empty
	 * @param partitions how many partitions: the most consumers of one group that can
	 * share the work
	 * @param replicas how many brokers keep a copy: 1 on a laptop, 3 in production
	 * @param config topic-level configuration, for example {@code min.insync.replicas} or
	 * {@code retention.ms}
	 */
	public record Topic(String name, @DefaultValue("6") @Min(1) int partitions,
			@DefaultValue("1") @Min(1) short replicas, @DefaultValue Map<String, String> config) {
	}

}
