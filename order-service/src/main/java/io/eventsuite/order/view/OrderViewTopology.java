package io.eventsuite.order.view;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

import io.eventsuite.events.Topics;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.order.domain.CustomerOrders;
import io.eventsuite.order.domain.OrderSummary;
import io.eventsuite.order.domain.OrderView;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.streams.QueryableStore;
import io.eventsuite.support.streams.StreamsSerdes;

/**
 * Materializes {@code orders} into two stores, each backed by a compacted changelog topic
 * that Kafka Streams creates and restores from:
 * <ul>
 * <li>{@value OrderView#STORE}: an order's current state by order id. The input is
 * already keyed by order id, so no repartitioning: partition {@code p} of the store is
 * partition {@code p} of {@code orders}, which is what makes read-your-writes cheap.</li>
 * <li>{@value CustomerOrders#STORE}: a summary of each of a customer's recent orders,
 * queried by customer id: every change of a view is re-keyed by customer through the
 * {@code order-service-orders-by-customer-repartition} topic and indexed by
 * {@link CustomerOrdersIndex}, one entry per order, newest first.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class OrderViewTopology {

	/** The re-keying of order views by customer; its repartition topic's name. */
	public static final String BY_CUSTOMER = "orders-by-customer";

	@Bean
	KTable<String, OrderView> orderViews(StreamsBuilder builder, EventTopics topics) {
		return build(builder, topics.name(Topics.ORDERS));
	}

	@Bean
	QueryableStore<OrderView> orderViewStore(EventTopics topics) {
		return QueryableStore.of(OrderView.STORE, OrderView.class).readYourWrites(topics.name(Topics.ORDERS));
	}

	@Bean
	QueryableStore<CustomerOrders> customerOrdersStore() {
		return QueryableStore.of(CustomerOrders.STORE, CustomerOrders.class).readWith(CustomerOrdersIndex::read);
	}

	/**
	 * Adds the topology to a builder.
	 * @param builder the builder
	 * @param ordersTopic the name of the {@code orders} topic
	 * @return the order views
	 */
	public static KTable<String, OrderView> build(StreamsBuilder builder, String ordersTopic) {
		KTable<String, OrderView> views = builder
			.stream(ordersTopic, Consumed.with(Serdes.String(), StreamsSerdes.cloudEvents()).withName("orders"))
			// A tombstone means nothing on orders; every other value is an order event.
			.filter((orderId, event) -> event != null, Named.as("drop-tombstones"))
			.mapValues((event) -> (OrderEvent) event.data(), Named.as("order-event"))
			.groupByKey()
			.aggregate(() -> null, (orderId, event, view) -> OrderView.apply(view, event), Named.as("fold-order"),
					Materialized.<String, OrderView, KeyValueStore<Bytes, byte[]>>as(OrderView.STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(StreamsSerdes.json(OrderView.class)));
		builder.addStateStore(CustomerOrdersIndex.ordersStore());
		builder.addStateStore(CustomerOrdersIndex.countsStore());
		views.toStream(Named.as("order-changes"))
			// No view (a cancellation of an order never placed) is a tombstone here.
			.filter((orderId, view) -> view != null, Named.as("views-only"))
			.map((orderId, view) -> KeyValue.pair(view.customerId(), OrderSummary.of(view)), Named.as("by-customer"))
			.repartition(
					Repartitioned.with(Serdes.String(), StreamsSerdes.json(OrderSummary.class)).withName(BY_CUSTOMER))
			.process(CustomerOrdersIndex::new, Named.as("index-customer-orders"), CustomerOrders.STORE,
					CustomerOrdersIndex.COUNTS);
		return views;
	}

}
