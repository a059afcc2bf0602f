package io.eventsuite.notification.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;

import io.eventsuite.support.kafka.EventTopics;

/**
 * Lists a topic's partitions for listeners that read all of them without a consumer
 * group. Asks the broker; when the topic does not exist yet (this service declares it,
 * but the listener is set up before the topic is created) or the broker does not answer
 * in time, it falls back to the configured partition count.
 * <p>
 * Asked while its listener is set up, before any listener starts, it also marks where
 * news starts in the topic ({@link NewsMarks}), with the same consumer.
 */
public class PartitionFinder {

	private static final Logger log = LoggerFactory.getLogger(PartitionFinder.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final EventTopics topics;

	private final NewsMarks news;

	public PartitionFinder(ConsumerFactory<?, ?> consumerFactory, EventTopics topics, NewsMarks news) {
		this.consumerFactory = consumerFactory;
		this.topics = topics;
		this.news = news;
	}

	/**
	 * The partitions of a topic of the contract.
	 * @param topicId the contract's name of the topic
	 * @return partition numbers as strings, for {@code @TopicPartition(partitions = ...)}
	 */
	public String[] partitions(String topicId) {
		String name = this.topics.name(topicId);
		try (Consumer<?, ?> consumer = this.consumerFactory.createConsumer(null, "partition-finder")) {
			List<PartitionInfo> partitions = consumer.partitionsFor(name, TIMEOUT);
			if (!partitions.isEmpty()) {
				List<TopicPartition> listed = partitions.stream()
					.map((info) -> new TopicPartition(name, info.partition()))
					.toList();
				this.news.mark(name, listed, () -> consumer.endOffsets(listed, TIMEOUT));
				return listed.stream().map((partition) -> String.valueOf(partition.partition())).toArray(String[]::new);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not list the partitions of {}, using the configured count: {}", name, ex.toString());
		}
		List<TopicPartition> configured = IntStream.range(0, this.topics.partitions(topicId))
			.mapToObj((partition) -> new TopicPartition(name, partition))
			.toList();
		this.news.mark(name, configured, Map::of);
		return configured.stream().map((partition) -> String.valueOf(partition.partition())).toArray(String[]::new);
	}

}
