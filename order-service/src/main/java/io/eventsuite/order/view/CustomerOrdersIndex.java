package io.eventsuite.order.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.eventsuite.order.domain.CustomerOrders;
import io.eventsuite.order.domain.OrderSummary;
import io.eventsuite.support.streams.StreamsSerdes;

/**
 * Keeps each customer's newest {@value CustomerOrders#MAX_ORDERS} orders as one entry per
 * order in {@value CustomerOrders#STORE}, under a key that sorts a customer's orders
 * newest first: {@code <length of customer id>:<customer id>:<inverted placement
 * time>:<order id>}. The length makes every customer's prefix unique (no customer's id
 * starts another's range). A count per customer, in {@value #COUNTS}, says when the
 * oldest entry must go.
 * <p>
 * The first version kept one list value per customer and rewrote all of it, up to a
 * hundred summaries as JSON, for every order: in the HTTP benchmark that serialization
 * was most of the order-service's Kafka Streams time, and the list's changelog grew with
 * the customer's history. Now an order costs one entry, one count and, past the limit,
 * one delete, whatever the history.
 */
final class CustomerOrdersIndex implements Processor<String, OrderSummary, Void, Void> {

	/** The number of indexed orders per customer, keyed by customer id. */
	static final String COUNTS = "customer-order-counts";

	// Seconds up to 9999-12-31, written as the distance to that, so newer sorts first.
	private static final long LAST_SECOND = 253_402_300_799L;

	private KeyValueStore<String, OrderSummary> orders;

	private KeyValueStore<String, Integer> counts;

	/**
	 * The orders store, cached and logged to a compacted changelog.
	 * @return its builder
	 */
	static StoreBuilder<KeyValueStore<String, OrderSummary>> ordersStore() {
		return Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(CustomerOrders.STORE), Serdes.String(),
					StreamsSerdes.json(OrderSummary.class))
			.withCachingEnabled();
	}

	/**
	 * The counts store, cached and logged to a compacted changelog.
	 * @return its builder
	 */
	static StoreBuilder<KeyValueStore<String, Integer>> countsStore() {
		return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS), Serdes.String(), Serdes.Integer())
			.withCachingEnabled();
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.orders = context.getStateStore(CustomerOrders.STORE);
		this.counts = context.getStateStore(COUNTS);
	}

	@Override
	public void process(Record<String, OrderSummary> record) {
		String customerId = record.key();
		OrderSummary order = record.value();
		if (customerId == null || order == null) {
			return;
		}
		String key = key(customerId, order);
		// A changed order (cancelled) keeps its placement time, so its key: replaced.
		boolean added = this.orders.get(key) == null;
		this.orders.put(key, order);
		if (!added) {
			return;
		}
		Integer indexed = this.counts.get(customerId);
		int count = ((indexed != null) ? indexed : 0) + 1;
		if (count > CustomerOrders.MAX_ORDERS) {
			String prefix = prefix(customerId);
			try (KeyValueIterator<String, OrderSummary> oldestFirst = this.orders.reverseRange(prefix,
					prefix + Character.MAX_VALUE)) {
				if (oldestFirst.hasNext()) {
					this.orders.delete(oldestFirst.next().key);
					count--;
				}
			}
		}
		this.counts.put(customerId, count);
	}

	/**
	 * Answers a customer id from a partition of the store: the customer's orders, newest
	 * first, or {@code null} when there are none.
	 * @param store the partition that holds the customer
	 * @param customerId the customer
	 * @return the orders
	 */
	static CustomerOrders read(ReadOnlyKeyValueStore<String, ?> store, String customerId) {
		List<OrderSummary> newestFirst = new ArrayList<>();
		try (KeyValueIterator<String, ?> entries = store.prefixScan(prefix(customerId), new StringSerializer())) {
			while (entries.hasNext() && newestFirst.size() < CustomerOrders.MAX_ORDERS) {
				KeyValue<String, ?> entry = entries.next();
				newestFirst.add((OrderSummary) entry.value);
			}
		}
		return newestFirst.isEmpty() ? null : new CustomerOrders(newestFirst);
	}

	static String prefix(String customerId) {
		return customerId.length() + ":" + customerId + ":";
	}

	static String key(String customerId, OrderSummary order) {
		Instant placedAt = order.placedAt();
		// Fixed widths, so that text order is time order: 12 digits of seconds, 9 of
		// nanos. Built by hand: String.format was a few percent of the Streams thread.
		StringBuilder key = new StringBuilder(prefix(customerId));
		appendZeroPadded(key, LAST_SECOND - placedAt.getEpochSecond(), 12);
		appendZeroPadded(key.append('.'), 999_999_999 - placedAt.getNano(), 9);
		return key.append(':').append(order.orderId()).toString();
	}

	private static void appendZeroPadded(StringBuilder text, long value, int width) {
		String digits = Long.toString(value);
		for (int pad = width - digits.length(); pad > 0; pad--) {
			text.append('0');
		}
		text.append(digits);
	}

}
