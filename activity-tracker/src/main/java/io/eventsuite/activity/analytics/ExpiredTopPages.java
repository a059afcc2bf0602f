package io.eventsuite.activity.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes the windows of {@value ActivityAnalyticsTopology#TOP_PAGES} that are older than
 * the page retention. The per-page counts upstream live in a window store, which drops
 * old windows by itself but tells nobody; the top pages are a key-value store, one key
 * per window, which would otherwise keep every window it ever saw, a key a minute for as
 * long as the task runs. The deletes also reach its changelog as tombstones.
 * <p>
 * It follows the store's updates: a window's update says how far the windows of this
 * partition have got, and what lies more than the retention before that is deleted, at
 * most once per window. A window key is its start as an ISO-8601 instant of whole
 * minutes, so text order is time order.
 * <p>
 * It writes to a store the DSL's aggregate owns, which Kafka Streams allows for a
 * processor connected to it by name in the same sub-topology: with the record cache on,
 * it runs while the cache flushes the update it follows, and its deletes flush later, as
 * tombstones to the table's children, this processor among them, which skips them. Only
 * an upstream task an hour behind could update a window after its delete; the window then
 * holds that task's counts alone until the next delete, and nothing reads windows that
 * old.
 */
final class ExpiredTopPages implements Processor<String, TopPages, Void, Void> {

	private final Duration retention;

	private KeyValueStore<String, ?> store;

	private Instant deletedBefore = Instant.EPOCH;

	ExpiredTopPages(Duration retention) {
		this.retention = retention;
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.store = context.getStateStore(ActivityAnalyticsTopology.TOP_PAGES);
		// A task revived after a failed transaction calls init again on this instance,
		// its store back at the last commit: deletes rolled back are done again.
		this.deletedBefore = Instant.EPOCH;
	}

	@Override
	public void process(Record<String, TopPages> update) {
		// A tombstone is this processor's own delete coming back through the table.
		if (update.value() == null) {
			return;
		}
		Instant expired = Instant.parse(update.key()).minus(this.retention);
		if (!expired.isAfter(this.deletedBefore)) {
			return;
		}
		String firstKept = ActivityAnalyticsTopology.windowKey(expired);
		List<String> older = new ArrayList<>();
		try (KeyValueIterator<String, ?> windows = this.store.range(null, firstKept)) {
			while (windows.hasNext()) {
				KeyValue<String, ?> window = windows.next();
				if (window.key.compareTo(firstKept) < 0) {
					older.add(window.key);
				}
			}
		}
		older.forEach(this.store::delete);
		this.deletedBefore = expired;
	}

}
