package io.eventsuite.notification.live;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where news starts, for listeners that read back history when they start: each
 * partition's end offset when the listener was set up, before it started (the last stable
 * offset, as the services read committed records only). A record before it is history, to
 * keep; from it on, news, to stream. Offsets, not timestamps: a producer's clock, a
 * transaction committed seconds after its records were sent, or a record copied with its
 * original time, would put news into the past. Where the broker did not say, the record's
 * timestamp against the time of the mark has to do.
 */
public class NewsMarks {

	private static final Logger log = LoggerFactory.getLogger(NewsMarks.class);

	private final Clock clock;

	private final Map<TopicPartition, Long> newsFrom = new ConcurrentHashMap<>();

	private final Map<String, Long> markedAt = new ConcurrentHashMap<>();

	public NewsMarks() {
		this(Clock.systemUTC());
	}

	NewsMarks(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Marks where news starts in a topic, before its listener starts reading it back.
	 * @param topic the topic's name
	 * @param endOffsets asks the broker for the end offsets of the topic's partitions
	 */
	public void mark(String topic, Supplier<Map<TopicPartition, Long>> endOffsets) {
		this.markedAt.put(topic, this.clock.millis());
		try {
			this.newsFrom.putAll(endOffsets.get());
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the end offsets of {}; records stamped before now are taken for history: {}",
					topic, ex.toString());
		}
	}

	/**
	 * Whether a record is news.
	 * @param record the record
	 * @return {@code true} unless it was in its partition when its topic was marked (or,
	 * without the partition's end offset, it is stamped before the mark)
	 */
	public boolean isNews(ConsumerRecord<?, ?> record) {
		Long from = this.newsFrom.get(new TopicPartition(record.topic(), record.partition()));
		if (from != null) {
			return record.offset() >= from;
		}
		return record.timestamp() >= this.markedAt.getOrDefault(record.topic(), Long.MIN_VALUE);
	}

}
