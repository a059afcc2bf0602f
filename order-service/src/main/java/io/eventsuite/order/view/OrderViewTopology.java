package io.eventsuite.order.view;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
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
import io.eventsuite.order.domain.OrderView;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.streams.QueryableStore;
import io.eventsuite.support.streams.StreamsSerdes;

/**
 * Materializes {@code orders} into two stores of the same tasks, each backed by a
 * compacted changelog topic that Kafka Streams creates and restores from. The input is
 * keyed by order id and nothing is re-keyed: partition {@code p} of each store is
 * partition {@code p} of {@code orders}, which is what makes read-your-writes cheap.
 * <ul>
 * <li>{@value OrderView#STORE}: an order's current state by order id.</li>
 * <li>{@value CustomerOrders#STORE}: each placed order under its customer, newest first
 * ({@link CustomerOrdersIndex}); a customer's list is read from every partition and
 * merged, each order summarized from its view.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
public class OrderViewTopology {

	@Bean
	KTable<String, OrderView> orderViews(StreamsBuilder builder, EventTopics topics) {
		return build(builder, topics.name(Topics.ORDERS));
	}

	@Bean
	QueryableStore<OrderView> orderViewStore(EventTopics topics) {
		return QueryableStore.of(OrderView.STORE, OrderView.class).readYourWrites(topics.name(Topics.ORDERS));
	}

	@Bean
	QueryableStore<CustomerOrders> customerOrdersStore(EventTopics topics) {
		return QueryableStore.of(CustomerOrders.STORE, CustomerOrders.class)
			.readWith(CustomerOrdersIndex::read)
			.spreadOver(topics.name(Topics.ORDERS), CustomerOrders::merge);
	}

	/**
	 * Adds the topology to a builder.
	 * @param builder the builder
	 * @param ordersTopic the name of the {@code orders} topic
	 * @return the order views
	 */
	public static KTable<String, OrderView> build(StreamsBuilder builder, String ordersTopic) {
		builder.addStateStore(CustomerOrdersIndex.store());
		return builder
			.stream(ordersTopic, Consumed.with(Serdes.String(), StreamsSerdes.cloudEvents()).withName("orders"))
			// A tombstone means nothing on orders; every other value is an order event.
			.filter((orderId, event) -> event != null, Named.as("drop-tombstones"))
			.mapValues((event) -> (OrderEvent) event.data(), Named.as("order-event"))
			.processValues(CustomerOrdersIndex::new, Named.as("index-customer-orders"), CustomerOrders.STORE)
			.groupByKey()
			.aggregate(() -> null, (orderId, event, view) -> OrderView.apply(view, event), Named.as("fold-order"),
					Materialized.<String, OrderView, KeyValueStore<Bytes, byte[]>>as(OrderView.STORE)
						.withKeySerde(Serdes.String())
						.withValueSerde(StreamsSerdes.json(OrderView.class)));
	}

}
