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
import io.eventsuite.support.streams.StreamsSerdes;

import static org.assertj.core.api.Assertions.assertThat;

class OrderViewTopologyTests {

	private static final URI SOURCE = URI.create("/eventsuite/order-service");

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private TopologyTestDriver driver;

	private TestInputTopic<String, CloudEvent<DomainEvent>> orders;

	private KeyValueStore<String, OrderView> views;

	private KeyValueStore<String, OrderSummary> customerOrders;

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
		this.customerOrders = this.driver.getKeyValueStore(CustomerOrders.STORE);
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
		assertThat(CustomerOrdersIndex.read(this.customerOrders, "nobody")).isNull();
	}

	@Test
	void everyCustomerKeepsTheirOwnCountOfIndexedOrders() {
		for (int i = 0; i < CustomerOrders.MAX_ORDERS + 3; i++) {
			send(placed(UUID.randomUUID(), "frank", T0.plusSeconds(i)));
		}
		send(placed(UUID.randomUUID(), "grace", T0));

		KeyValueStore<String, Integer> counts = this.driver.getKeyValueStore(CustomerOrdersIndex.COUNTS);
		assertThat(counts.get("frank")).isEqualTo(CustomerOrders.MAX_ORDERS);
		assertThat(counts.get("grace")).isOne();
	}

	private List<OrderSummary> customerOrders(String customerId) {
		return CustomerOrdersIndex.read(this.customerOrders, customerId).orders();
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
