package io.eventsuite.support.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.util.StringUtils;

import io.eventsuite.events.EventTopic;
import io.eventsuite.events.Topics;

/**
 * The topics of the contract as this service is configured to see them: their names and
 * layout. Listeners refer to a topic's name with {@code #{@eventTopics.name('orders')}}.
 */
public class EventTopics {

	/** spring-kafka's default dead-letter topic suffix. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	private static final TopicsProperties.Topic DEFAULTS = new TopicsProperties.Topic(null, 6, (short) 1, Map.of());

	private final TopicsProperties properties;

	public EventTopics(TopicsProperties properties) {
		this.properties = properties;
		properties.topics().keySet().forEach(EventTopics::contractTopic);
	}

	/**
	 * The configured name of a topic.
	 * @param topic the contract's topic
	 * @return its name
	 */
	public String name(EventTopic<?> topic) {
		String name = settings(topic).name();
		return StringUtils.hasText(name) ? name : topic.defaultName();
	}

	/**
	 * The configured name of a topic, by id; for SpEL in listener annotations.
	 * @param topicId the contract's default name of the topic
	 * @return its configured name
	 */
	public String name(String topicId) {
		return name(contractTopic(topicId));
	}

	/**
	 * The configured partition count of a topic, by id.
	 * @param topicId the contract's default name of the topic
	 * @return how many partitions it is declared with
	 */
	public int partitions(String topicId) {
		return settings(contractTopic(topicId)).partitions();
	}

	/**
	 * Declares a topic this service writes, to be created at start-up if it does not
	 * exist.
	 * @param topic the contract's topic
	 * @return the declaration for {@link org.springframework.kafka.core.KafkaAdmin}
	 */
	public NewTopic declare(EventTopic<?> topic) {
		TopicsProperties.Topic settings = settings(topic);
		return TopicBuilder.name(name(topic))
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.configs(settings.config())
			.build();
	}

	/**
	 * Declares the dead-letter topic of a topic this service consumes: spring-kafka's
	 * default name ({@code <topic>-dlt}) and the same layout, so that a record keeps its
	 * partition number there.
	 * @param topic the contract's topic
	 * @return the declaration
	 */
	public NewTopic declareDeadLetter(EventTopic<?> topic) {
		TopicsProperties.Topic settings = settings(topic);
		return TopicBuilder.name(name(topic) + DEAD_LETTER_SUFFIX)
			.partitions(settings.partitions())
			.replicas(settings.replicas())
			.configs(settings.config())
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DeadLetters.MAX_DEAD_LETTER_BYTES))
			.build();
	}

	private TopicsProperties.Topic settings(EventTopic<?> topic) {
		return this.properties.topics().getOrDefault(topic.defaultName(), DEFAULTS);
	}

	private static EventTopic<?> contractTopic(String topicId) {
		return Topics.ALL.stream()
			.filter((topic) -> topic.defaultName().equals(topicId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"eventsuite.topics." + topicId + " is not a topic of the contract; known: "
							+ Topics.ALL.stream().map(EventTopic::defaultName).toList()));
	}

}
