package io.eventsuite.notification.orders;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.RawTopicReader;
import io.eventsuite.test.TestKafkaBroker;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record that cannot be processed goes to the dead-letter topic with its origin, and
 * the records behind it on the same partition are processed without a restart.
 */
@KafkaIntegrationTest
class DeadLetterIntegrationTests {

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@BeforeAll
	static void ordersTopicExists() {
		EventWriter.ensureTopic("orders");
	}

	@Test
	void aBatchThatFailsAsAWholeIsLeftToTheRollbackNotToTheServicesErrorHandler() {
		AbstractMessageListenerContainer<?, ?> container = (AbstractMessageListenerContainer<?, ?>) this.listeners
			.getListenerContainer("order-notifications");

		// The shared handler would run the poll again inside the failed transaction and
		// dead-letter all of it through a template outside it.
		assertThat(container.getCommonErrorHandler()).isNull();
		assertThat(container.getContainerProperties().getKafkaAwareTransactionManager()).isNotNull();
	}

	@Test
	void poisonPillIsDeadLetteredAndTheNextRecordOfTheSameKeyIsProcessed() throws Exception {
		UUID orderId = UUID.randomUUID();
		String customer = "customer-" + UUID.randomUUID();
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		headers.add("ce_source", "/elsewhere".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_type", "eventsuite.order.placed.v1".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_time", "2026-11-22T10:15:30Z".getBytes(StandardCharsets.UTF_8));
		headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
		byte[] poison = "{this is not json".getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>("orders", null, orderId.toString(), poison, headers))
				.get(30, TimeUnit.SECONDS);
		}

		try (EventWriter orders = EventWriter.as("/eventsuite/order-service");
				TopicReader notifications = TopicReader.of("notifications");
				RawTopicReader deadLetters = RawTopicReader.of("orders-dlt")) {
			CloudEvent<DomainEvent> valid = orders.write("orders", OrderPlaced.of(orderId, customer,
					List.of(new OrderLine("SKU", 1, BigDecimal.TEN)), "EUR", Instant.now()));

			ConsumerRecord<String, CloudEvent<DomainEvent>> notified = notifications
				.awaitRecord((r) -> customer.equals(r.key()));
			assertThat(((NotificationSent) notified.value().data()).sourceEventId()).isEqualTo(valid.id());

			ConsumerRecord<String, byte[]> dead = deadLetters.awaitRecord((r) -> orderId.toString().equals(r.key()));
			assertThat(dead.value()).isEqualTo(poison);
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("orders");
			assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
			assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
