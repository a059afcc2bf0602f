package io.eventsuite.order.view;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.InternalFixedKeyRecordFactory;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.order.domain.CustomerOrders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under exactly-once, Kafka Streams revives a task whose transaction failed: its stores
 * go back to what the changelog committed, and {@code init} runs again on the same
 * processor instances. The index's in-memory counts must go back with them, which
 * {@code TopologyTestDriver} cannot show, so the processor runs here against a store of
 * its own.
 */
class CustomerOrdersIndexReviveTests {

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

	private final KeyValueStore<String, String> store = Stores
		.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CustomerOrders.STORE), Serdes.String(), Serdes.String())
		.withLoggingDisabled()
		.build();

	private final CustomerOrdersIndex index = new CustomerOrdersIndex();

	CustomerOrdersIndexReviveTests() {
		this.store.init(new MockProcessorContext<>().getStateStoreContext(), this.store);
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void aRevivedTaskCountsTheCustomersOrdersFromItsRestoredStore() {
		int committed = CustomerOrders.MAX_ORDERS - 5;
		this.index.init(context());
		List<OrderPlaced> orders = new ArrayList<>();
		for (int i = 0; i < CustomerOrders.MAX_ORDERS; i++) {
			orders.add(placed(T0.plusSeconds(i)));
		}
		orders.subList(0, committed).forEach(this::process);
		List<KeyValue<String, String>> changelog = entries();
		// Indexed in a transaction that then fails: the task is closed dirty, its store
		// restored from the changelog, and the same processor initialised again.
		orders.subList(committed, orders.size()).forEach(this::process);
		restore(changelog);
		this.index.init(context());

		orders.subList(committed, orders.size()).forEach(this::process);

		assertThat(entries())
			.as("all of the customer's %d orders, none pushed out by counts from before the failure",
					CustomerOrders.MAX_ORDERS)
			.hasSize(CustomerOrders.MAX_ORDERS);
	}

	private void process(OrderPlaced placed) {
		this.index.process(InternalFixedKeyRecordFactory
			.create(new Record<>(placed.orderId().toString(), (OrderEvent) placed, placed.placedAt().toEpochMilli())));
	}

	private List<KeyValue<String, String>> entries() {
		List<KeyValue<String, String>> entries = new ArrayList<>();
		try (KeyValueIterator<String, String> all = this.store.all()) {
			all.forEachRemaining(entries::add);
		}
		return entries;
	}

	private void restore(List<KeyValue<String, String>> changelog) {
		entries().forEach((entry) -> this.store.delete(entry.key));
		this.store.putAll(changelog);
	}

	@SuppressWarnings("unchecked")
	private FixedKeyProcessorContext<String, OrderEvent> context() {
		return (FixedKeyProcessorContext<String, OrderEvent>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { FixedKeyProcessorContext.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getStateStore" -> this.store;
					case "forward" -> null;
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	private static OrderPlaced placed(Instant at) {
		return OrderPlaced.of(UUID.randomUUID(), "carol", List.of(new OrderLine("A", 1, BigDecimal.TEN)), "EUR", at);
	}

}
