package io.eventsuite.order.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.order.domain.CustomerOrders;
import io.eventsuite.order.domain.OrderSummary;
import io.eventsuite.order.domain.OrderView;
import io.eventsuite.support.streams.QueryableStore;

/**
 * Indexes each placed order under its customer in {@value CustomerOrders#STORE}, in the
 * same task as the order's view, as the placement passes on to the fold: the entry's key
 * sorts a customer's orders newest first,
 * {@code <length of customer id>:<customer id>:<inverted
 * placement time>:<order id>}, and its value is the order id. The length makes every
 * customer's prefix unique (no customer's id starts another's range). The index holds no
 * copy of the order: a customer's list is read through it from the views of the same
 * partition, so a cancellation changes the view alone.
 * <p>
 * Orders are keyed by order id, so a customer's orders are spread over every partition
 * and each partition's index holds at most {@value CustomerOrders#MAX_ORDERS} of them per
 * customer; a read merges the partitions
 * ({@link QueryableStore#spreadOver(String, java.util.function.BinaryOperator)}). The
 * previous version re-keyed every view change by customer through a repartition topic and
 * kept a count per customer in a store of its own: four records written per order besides
 * the event, against two now (the view's and this entry's changelog), and half the tasks
 * (docs/benchmarks.md, target 2).
 * <p>
 * How many entries a customer has in this partition is kept in memory for the customers
 * seen last and counted from the index for the others: a task that is restored,
 * re-created or revived after a failed transaction (which re-initialises the same
 * processor) starts with no counts, so they can never disagree with the store.
 */
final class CustomerOrdersIndex implements FixedKeyProcessor<String, OrderEvent, OrderEvent> {

	// How many customers' counts a task keeps in memory.
	private static final int COUNTED_CUSTOMERS = 10_000;

	// Seconds up to 9999-12-31, written as the distance to that, so newer sorts first.
	private static final long LAST_SECOND = 253_402_300_799L;

	private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
			return size() > COUNTED_CUSTOMERS;
		}

	};

	private FixedKeyProcessorContext<String, OrderEvent> context;

	private KeyValueStore<String, String> index;

	/**
	 * The index store, cached and logged to a compacted changelog.
	 * @return its builder
	 */
	static StoreBuilder<KeyValueStore<String, String>> store() {
		return Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(CustomerOrders.STORE), Serdes.String(),
					Serdes.String())
			.withCachingEnabled();
	}

	@Override
	public void init(FixedKeyProcessorContext<String, OrderEvent> context) {
		this.context = context;
		this.index = context.getStateStore(CustomerOrders.STORE);
		// A task revived after a failed transaction calls init again on this instance,
		// with its store restored to what the changelog committed: counts of the aborted
		// work would then exceed the store's, and push out orders it still holds.
		this.counts.clear();
	}

	@Override
	public void process(FixedKeyRecord<String, OrderEvent> record) {
		if (record.value() instanceof OrderPlaced placed) {
			add(placed);
		}
		this.context.forward(record);
	}

	private void add(OrderPlaced placed) {
		String orderId = placed.orderId().toString();
		String key = key(placed.customerId(), placed.placedAt(), orderId);
		// A replayed event (a producer retry, a replayed dead letter) is indexed once.
		if (this.index.get(key) != null) {
			return;
		}
		String customerId = placed.customerId();
		Integer counted = this.counts.get(customerId);
		int count = ((counted != null) ? counted : countIndexed(customerId)) + 1;
		this.index.put(key, orderId);
		if (count > CustomerOrders.MAX_ORDERS) {
			String prefix = prefix(customerId);
			try (KeyValueIterator<String, String> oldestFirst = this.index.reverseRange(prefix,
					prefix + Character.MAX_VALUE)) {
				if (oldestFirst.hasNext()) {
					this.index.delete(oldestFirst.next().key);
					count--;
				}
			}
		}
		this.counts.put(customerId, count);
	}

	private int countIndexed(String customerId) {
		int count = 0;
		try (KeyValueIterator<String, String> entries = this.index.prefixScan(prefix(customerId),
				new StringSerializer())) {
			while (entries.hasNext()) {
				entries.next();
				count++;
			}
		}
		return count;
	}

	/**
	 * Answers a customer id from one partition: the customer's orders indexed there,
	 * newest first, each summarized from its view, or {@code null} when there are none.
	 * @param partition the partition's stores
	 * @param customerId the customer
	 * @return the orders
	 */
	static CustomerOrders read(QueryableStore.PartitionStores partition, String customerId) {
		ReadOnlyKeyValueStore<String, ?> views = partition.store(OrderView.STORE);
		List<OrderSummary> newestFirst = new ArrayList<>();
		try (KeyValueIterator<String, ?> entries = partition.store(CustomerOrders.STORE)
			.prefixScan(prefix(customerId), new StringSerializer())) {
			while (entries.hasNext() && newestFirst.size() < CustomerOrders.MAX_ORDERS) {
				KeyValue<String, ?> entry = entries.next();
				// Only the entry of the view's own placement: a second placement of the
				// same order at another time (which the view ignores) is not listed.
				if (views.get((String) entry.value) instanceof OrderView view
						&& entry.key.equals(key(view.customerId(), view.placedAt(), view.key()))) {
					newestFirst.add(OrderSummary.of(view));
				}
			}
		}
		return newestFirst.isEmpty() ? null : new CustomerOrders(newestFirst);
	}

	static String prefix(String customerId) {
		return customerId.length() + ":" + customerId + ":";
	}

	static String key(String customerId, Instant placedAt, String orderId) {
		// Fixed widths, so that text order is time order: 12 digits of seconds, 9 of
		// nanos. Built by hand: String.format was a few percent of the Streams thread.
		StringBuilder key = new StringBuilder(prefix(customerId));
		appendZeroPadded(key, LAST_SECOND - placedAt.getEpochSecond(), 12);
		appendZeroPadded(key.append('.'), 999_999_999 - placedAt.getNano(), 9);
		return key.append(':').append(orderId).toString();
	}

	private static void appendZeroPadded(StringBuilder text, long value, int width) {
		String digits = Long.toString(value);
		for (int pad = width - digits.length(); pad > 0; pad--) {
			text.append('0');
		}
		text.append(digits);
	}

}
