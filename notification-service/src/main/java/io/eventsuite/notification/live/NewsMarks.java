package io.eventsuite.notification.live;

import java.time.Clock;
import java.util.Collection;
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
 * <p>
 * The marks also say when the history is read back: a partition is, once its listener has
 * handled the record just before its mark, or has been told the partition is quiet at a
 * position at or past it (a partition ends on a transaction's commit marker, which is no
 * record). Until every marked partition is, the instance is not ready
 * ({@link ReadBackCheck}): a client resuming on it would miss what it had not read yet.
 */
public class NewsMarks {

	private static final Logger log = LoggerFactory.getLogger(NewsMarks.class);

	private final Clock clock;

	private final Map<TopicPartition, Long> newsFrom = new ConcurrentHashMap<>();

	private final Map<String, Long> markedAt = new ConcurrentHashMap<>();

	/** The mark of a partition whose end offset the broker did not give. */
	private static final long UNKNOWN = -1;

	/** The marked partitions not read back yet, and their marks. */
	private final Map<TopicPartition, Long> readingBack = new ConcurrentHashMap<>();

	public NewsMarks() {
		this(Clock.systemUTC());
	}

	NewsMarks(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Marks where news starts in a topic, before its listener starts reading it back.
	 * @param topic the topic's name
	 * @param partitions the partitions its listener reads
	 * @param endOffsets asks the broker for the end offsets of those partitions
	 */
	public void mark(String topic, Collection<TopicPartition> partitions,
			Supplier<Map<TopicPartition, Long>> endOffsets) {
		this.markedAt.put(topic, this.clock.millis());
		Map<TopicPartition, Long> offsets = Map.of();
		try {
			offsets = endOffsets.get();
			this.newsFrom.putAll(offsets);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the end offsets of {}; records stamped before now are taken for history: {}",
					topic, ex.toString());
		}
		for (TopicPartition partition : partitions) {
			Long offset = offsets.get(partition);
			if (offset == null) {
				// Where its history ends is not known: read back once the listener
				// finds it quiet, at whatever position.
				this.readingBack.put(partition, UNKNOWN);
			}
			else if (offset > 0) {
				this.readingBack.put(partition, offset);
			}
			// An empty partition has nothing to read back.
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

	/**
	 * Notes that a listener has handled a record.
	 * @param record the record, handled
	 */
	public void handled(ConsumerRecord<?, ?> record) {
		if (!this.readingBack.isEmpty()) {
			readTo(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, false);
		}
	}

	/**
	 * Notes where a listener stands in partitions it has handled every record of (they
	 * are quiet): read back, if at or past their marks, or if their marks are not known.
	 * @param positions the partitions' next offsets
	 */
	public void quiet(Map<TopicPartition, Long> positions) {
		if (!this.readingBack.isEmpty()) {
			positions.forEach((partition, next) -> readTo(partition, next, true));
		}
	}

	/**
	 * The partitions not read back yet.
	 * @return each one's mark, where its history ends, or -1 where that is not known
	 */
	public Map<TopicPartition, Long> readingBack() {
		return Map.copyOf(this.readingBack);
	}

	private void readTo(TopicPartition partition, long next, boolean quiet) {
		this.readingBack.computeIfPresent(partition,
				(p, mark) -> ((mark == UNKNOWN) ? quiet : next >= mark) ? null : mark);
	}

}
