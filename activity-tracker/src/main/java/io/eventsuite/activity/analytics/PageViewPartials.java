package io.eventsuite.activity.analytics;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.eventsuite.events.activity.ActivityRecorded;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts page views per page and window where they arrive, keyed by page, and sends the
 * counts on to be summed per page once per {@link #FLUSH_INTERVAL}: one record per page
 * and window instead of one per view through the repartition topic. A view whose window
 * has closed (its end plus the grace period is not after the latest view time this task
 * saw) is dropped here and counted, as the window would have dropped it.
 * <p>
 * The counts wait in a logged store, not in memory: with exactly-once they are committed
 * with the offsets of the views they count, so a crash between two flushes loses none and
 * counts none twice.
 */
final class PageViewPartials implements ProcessorSupplier<String, ActivityRecorded, String, Long> {

	static final String STORE = "page-view-partials";

	/** Exactly-once's default commit interval, which the analytics keep. */
	static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

	private static final long PAGE_WINDOW_MILLIS = ActivityAnalyticsTopology.PAGE_WINDOW.toMillis();

	private final Duration grace;

	private final Counter lateViews;

	PageViewPartials(Duration grace, Counter lateViews) {
		this.grace = grace;
		this.lateViews = lateViews;
	}

	@Override
	public Processor<String, ActivityRecorded, String, Long> get() {
		return new PartialCounter();
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		// Cached: a page's count is written to the changelog once per commit, not once
		// per view.
		return Set
			.of(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), PagePartial.SERDE)
				.withCachingEnabled());
	}

	private final class PartialCounter implements Processor<String, ActivityRecorded, String, Long> {

		private ProcessorContext<String, Long> context;

		private KeyValueStore<String, PagePartial> partials;

		// Like a window's own stream time: the latest view, not the task's other inputs
		// (orders, chat messages). It starts again after a restart; the window that sums
		// the counts applies the same grace to them, so a late view let through then is
		// still dropped there (and counted in Kafka Streams' dropped-records).
		private long latestViewAt = Long.MIN_VALUE;

		@Override
		public void init(ProcessorContext<String, Long> context) {
			this.context = context;
			this.partials = context.getStateStore(STORE);
			context.schedule(FLUSH_INTERVAL, PunctuationType.WALL_CLOCK_TIME, (now) -> flush());
		}

		@Override
		public void process(Record<String, ActivityRecorded> view) {
			this.latestViewAt = Math.max(this.latestViewAt, view.timestamp());
			long windowStart = view.timestamp() - Math.floorMod(view.timestamp(), PAGE_WINDOW_MILLIS);
			if (windowStart + PAGE_WINDOW_MILLIS + PageViewPartials.this.grace.toMillis() <= this.latestViewAt) {
				PageViewPartials.this.lateViews.increment();
				return;
			}
			String key = windowStart + ":" + view.key();
			PagePartial partial = this.partials.get(key);
			this.partials.put(key,
					(partial != null) ? partial.add(view.timestamp()) : new PagePartial(1, view.timestamp()));
		}

		// Oldest first, so that a window downstream never closes on a later count before
		// an earlier one of the same flush arrived.
		private void flush() {
			List<KeyValue<String, PagePartial>> counted = new ArrayList<>();
			try (KeyValueIterator<String, PagePartial> all = this.partials.all()) {
				all.forEachRemaining(counted::add);
			}
			counted.sort(Comparator.comparingLong((entry) -> entry.value.lastViewAt()));
			for (KeyValue<String, PagePartial> entry : counted) {
				this.partials.delete(entry.key);
				String page = entry.key.substring(entry.key.indexOf(':') + 1);
				this.context.forward(new Record<>(page, entry.value.views(), entry.value.lastViewAt()));
			}
		}

	}

	/**
	 * Views of one page in one window since the last flush, under the key
	 * {@code <window start in epoch milliseconds>:<page>}.
	 *
	 * @param views how many
	 * @param lastViewAt the event time of the latest, in epoch milliseconds: the time the
	 * count is sent with, inside its window
	 */
	record PagePartial(long views, long lastViewAt) {

		// Two longs, not JSON: every view reads and writes its partial count through the
		// store's cache, which holds bytes.
		static final Serde<PagePartial> SERDE = Serdes.serdeFrom(
				(topic, partial) -> (partial != null)
						? ByteBuffer.allocate(16).putLong(partial.views).putLong(partial.lastViewAt).array() : null,
				(topic, bytes) -> {
					if (bytes == null) {
						return null;
					}
					ByteBuffer buffer = ByteBuffer.wrap(bytes);
					return new PagePartial(buffer.getLong(), buffer.getLong());
				});

		PagePartial add(long viewAt) {
			return new PagePartial(this.views + 1, Math.max(this.lastViewAt, viewAt));
		}

	}

}
