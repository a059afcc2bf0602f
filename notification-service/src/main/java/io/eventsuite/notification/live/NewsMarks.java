package io.eventsuite.notification.live;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Where news starts, for listeners that read back history when they start: each
 * partition's end offset at that moment (the last stable offset, as the services read
 * committed records only). A record before it is history, to keep; from it on, news, to
 * stream. Offsets, not timestamps: a producer's clock, a transaction committed seconds
 * after its records were sent, or a record copied with its original time, would put news
 * into the past.
 */
public class NewsMarks {

	private static final Logger log = LoggerFactory.getLogger(NewsMarks.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final Map<TopicPartition, Long> newsFrom = new ConcurrentHashMap<>();

	public NewsMarks(ConsumerFactory<?, ?> consumerFactory) {
		this.consumerFactory = consumerFactory;
	}

	/**
	 * Marks where news starts in partitions a listener is about to read back. When the
	 * broker does not say, everything read is news, as if nothing were read back.
	 * @param partitions the listener's partitions
	 */
	public void mark(Collection<TopicPartition> partitions) {
		try (Consumer<?, ?> consumer = this.consumerFactory.createConsumer(null, "news-marks")) {
			this.newsFrom.putAll(consumer.endOffsets(partitions, TIMEOUT));
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the end offsets of {}; what is read back is streamed as news: {}", partitions,
					ex.toString());
		}
	}

	/**
	 * Whether a record is news.
	 * @param record the record
	 * @return {@code true} unless it was in its partition before the partition was marked
	 */
	public boolean isNews(ConsumerRecord<?, ?> record) {
		Long from = this.newsFrom.get(new TopicPartition(record.topic(), record.partition()));
		return from == null || record.offset() >= from;
	}

}
