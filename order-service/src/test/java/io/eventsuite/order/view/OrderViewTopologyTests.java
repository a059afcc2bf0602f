package io.eventsuite.order.view;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.order.domain.CustomerOrders;
import io.eventsuite.order.domain.OrderStatus;
import io.eventsuite.order.domain.OrderSummary;
import io.eventsuite.order.domain.OrderView;
import io.eventsuite.support.streams.QueryableStore;
import io.eventsuite.support.streams.StreamsSerdes;

import static org.assertj.core.api.Assertions.assertThat;

class OrderViewTopologyTests {

	private static final URI SOURCE = URI.create("/eventsuite/order-service");

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private TopologyTestDriver driver;

	private TestInputTopic<String, CloudEvent<DomainEvent>> orders;

	private KeyValueStore<String, OrderView> views;

	@BeforeEach
	void setUp() {
		StreamsBuilder builder = new StreamsBuilder();
		OrderViewTopology.build(builder, "orders");
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-view-test");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.orders = this.driver.createInputTopic("orders", Serdes.String().serializer(),
				StreamsSerdes.cloudEvents().serializer());
		this.views = this.driver.getKeyValueStore(OrderView.STORE);
	}

	@AfterEach
	void tearDown() {
		this.driver.close();
	}

	@Test
	void aPlacedOrderIsViewedWithItsLinesAndTotal() {
		UUID orderId = UUID.randomUUID();

		send(placed(orderId, "alice", T0));

		OrderView view = this.views.get(orderId.toString());
		assertThat(view.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(view.customerId()).isEqualTo("alice");
		assertThat(view.total()).isEqualByComparingTo("25.00");
		assertThat(view.items()).hasSize(2);
		assertThat(view.cancelledAt()).isNull();
	}

	@Test
	void aCancellationChangesTheStatusAndKeepsTheFirstReason() {
		UUID orderId = UUID.randomUUID();
		send(placed(orderId, "alice", T0));

		send(new OrderCancelled(orderId, "alice", "too late", T0.plusSeconds(60)));
		send(new OrderCancelled(orderId, "alice", "again", T0.plusSeconds(120)));

		OrderView view = this.views.get(orderId.toString());
		assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(view.cancelReason()).isEqualTo("too late");
		assertThat(view.cancelledAt()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void aReplayedPlacementChangesNothing() {
		UUID orderId = UUID.randomUUID();
		send(placed(orderId, "alice", T0));
		send(new OrderCancelled(orderId, "alice", "no", T0.plusSeconds(1)));

		send(placed(orderId, "alice", T0));

		assertThat(this.views.get(orderId.toString()).status()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void aCancellationOfAnOrderNeverPlacedMakesNoView() {
		UUID orderId = UUID.randomUUID();

		send(new OrderCancelled(orderId, "alice", "what order?", T0));

		assertThat(this.views.get(orderId.toString())).isNull();
	}

	@Test
	void aTombstoneIsIgnored() {
		UUID orderId = UUID.randomUUID();
		send(placed(orderId, "alice", T0));

		this.orders.pipeInput(orderId.toString(), null);

		assertThat(this.views.get(orderId.toString())).isNotNull();
	}

	@Test
	void aCustomersListHoldsTheCurrentStateOfEachOrderNewestFirst() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		send(placed(first, "bob", T0));
		send(placed(second, "bob", T0.plusSeconds(10)));
		send(placed(UUID.randomUUID(), "carol", T0));

		send(new OrderCancelled(first, "bob", "no", T0.plusSeconds(20)));

		List<OrderSummary> bobs = customerOrders("bob");
		assertThat(bobs).extracting(OrderSummary::orderId).containsExactly(second, first);
		assertThat(bobs).extracting(OrderSummary::status).containsExactly(OrderStatus.PLACED, OrderStatus.CANCELLED);
		assertThat(bobs.get(1).cancelledAt()).isEqualTo(T0.plusSeconds(20));
		assertThat(bobs.get(0).total()).isEqualByComparingTo("25.00");
		assertThat(customerOrders("carol")).hasSize(1);
	}

	@Test
	void aCustomersListKeepsOnlyTheNewestOrders() {
		for (int i = 0; i < CustomerOrders.MAX_ORDERS + 5; i++) {
			send(placed(UUID.randomUUID(), "dave", T0.plusSeconds(i)));
		}

		List<OrderSummary> daves = customerOrders("dave");
		assertThat(daves).hasSize(CustomerOrders.MAX_ORDERS);
		assertThat(daves.get(0).placedAt()).isEqualTo(T0.plusSeconds(CustomerOrders.MAX_ORDERS + 4));
		assertThat(daves.get(daves.size() - 1).placedAt()).isEqualTo(T0.plusSeconds(5));
	}

	@Test
	void aCustomerWhoseIdStartsAnothersHasOnlyTheirOwnOrders() {
		send(placed(UUID.randomUUID(), "eve", T0));
		send(placed(UUID.randomUUID(), "eve:1", T0));
		send(placed(UUID.randomUUID(), "eve:1", T0.plusSeconds(1)));

		assertThat(customerOrders("eve")).hasSize(1);
		assertThat(customerOrders("eve:1")).hasSize(2);
		assertThat(CustomerOrdersIndex.read(partition(), "nobody")).isNull();
	}

	@Test
	void aReplayedPlacementIsIndexedOnce() {
		UUID orderId = UUID.randomUUID();
		send(placed(orderId, "heidi", T0));

		send(placed(orderId, "heidi", T0));

		assertThat(indexEntries("heidi")).isOne();
		assertThat(customerOrders("heidi")).extracting(OrderSummary::placedAt).containsExactly(T0);
	}

	@Test
	void aSecondPlacementOfAnOrderIsNotListed() {
		UUID orderId = UUID.randomUUID();
		send(placed(orderId, "judy", T0));

		send(placed(orderId, "judy", T0.plusSeconds(5)));

		assertThat(customerOrders("judy")).extracting(OrderSummary::placedAt).containsExactly(T0);
	}

	@Test
	void entriesTheIndexDidNotCountItselfAreCountedBeforeTheLimitIsApplied() {
		// As after a restore from the changelog: entries in the store, no count in
		// memory.
		KeyValueStore<String, String> index = this.driver.getKeyValueStore(CustomerOrders.STORE);
		String oldest = CustomerOrdersIndex.key("ivan", T0, UUID.randomUUID().toString());
		index.put(oldest, "restored");
		for (int i = 1; i < CustomerOrders.MAX_ORDERS; i++) {
			index.put(CustomerOrdersIndex.key("ivan", T0.plusSeconds(i), UUID.randomUUID().toString()), "restored");
		}

		send(placed(UUID.randomUUID(), "ivan", T0.plusSeconds(1000)));

		assertThat(indexEntries("ivan")).isEqualTo(CustomerOrders.MAX_ORDERS);
		assertThat(index.get(oldest)).isNull();
		assertThat(customerOrders("ivan")).extracting(OrderSummary::placedAt).containsExactly(T0.plusSeconds(1000));
	}

	private List<OrderSummary> customerOrders(String customerId) {
		return CustomerOrdersIndex.read(partition(), customerId).orders();
	}

	private int indexEntries(String customerId) {
		int entries = 0;
		try (var all = this.driver.<String, String>getKeyValueStore(CustomerOrders.STORE).all()) {
			while (all.hasNext()) {
				entries += all.next().key.startsWith(CustomerOrdersIndex.prefix(customerId)) ? 1 : 0;
			}
		}
		return entries;
	}

	// The test driver's one partition, as a query reads it.
	private QueryableStore.PartitionStores partition() {
		return new QueryableStore.PartitionStores() {

			@Override
			public ReadOnlyKeyValueStore<String, ?> store() {
				return store(CustomerOrders.STORE);
			}

			@Override
			public ReadOnlyKeyValueStore<String, ?> store(String name) {
				return OrderViewTopologyTests.this.driver.getKeyValueStore(name);
			}

		};
	}

	private void send(DomainEvent event) {
		CloudEvent<DomainEvent> cloudEvent = CloudEvent.of(SOURCE, event);
		this.orders.pipeInput(cloudEvent.key(), cloudEvent);
	}

	private static OrderPlaced placed(UUID orderId, String customerId, Instant at) {
		return OrderPlaced.of(orderId, customerId,
				List.of(new OrderLine("A", 2, new BigDecimal("7.50")), new OrderLine("B", 1, BigDecimal.TEN)), "EUR",
				at);
	}

}
