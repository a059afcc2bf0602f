package io.eventsuite.order.view;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
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
 * <li>{@value CustomerOrders#STORE}: a summary of a customer's recent orders by customer
 * id, re-keyed through the {@code order-service-orders-by-customer-repartition} topic.
 * When an order changes, Kafka Streams sends its old view to the subtractor and its new
 * view to the adder, so the list always holds the current state.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class OrderViewTopology {

	/** The re-keying of order views by customer; its repartition topic's name. */
	public static final String BY_CUSTOMER = "orders-by-customer";

	@Bean
	KTable<String, CustomerOrders> orderViews(StreamsBuilder builder, EventTopics topics) {
		return build(builder, topics.name(Topics.ORDERS));
	}

	@Bean
	QueryableStore<OrderView> orderViewStore(EventTopics topics) {
		return QueryableStore.of(OrderView.STORE, OrderView.class).readYourWrites(topics.name(Topics.ORDERS));
	}

	@Bean
	QueryableStore<CustomerOrders> customerOrdersStore() {
		return QueryableStore.of(CustomerOrders.STORE, CustomerOrders.class);
	}

	/**
	 * Adds the topology to a builder.
	 * @param builder the builder
	 * @param ordersTopic the name of the {@code orders} topic
	 * @return the customer lists
	 */
	public static KTable<String, CustomerOrders> build(StreamsBuilder builder, String ordersTopic) {
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
		return views
			.groupBy((orderId, view) -> KeyValue.pair(view.customerId(), OrderSummary.of(view)),
					Grouped.with(BY_CUSTOMER, Serdes.String(), StreamsSerdes.json(OrderSummary.class)))
			.aggregate(CustomerOrders::none, (customerId, order, list) -> list.with(order),
					(customerId, order, list) -> list.without(order.orderId()), Named.as("customer-orders"),
					Materialized.<String, CustomerOrders, KeyValueStore<Bytes, byte[]>>as(CustomerOrders.STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(StreamsSerdes.json(CustomerOrders.class)));
	}

}
