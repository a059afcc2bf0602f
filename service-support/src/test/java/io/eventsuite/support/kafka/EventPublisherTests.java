package io.eventsuite.support.kafka;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;

import io.eventsuite.events.Topics;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a publish reports, from Kafka's {@link MockProducer}: its answers can be held back
 * or failed at will, which a real broker cannot be made to do on cue. The broker-backed
 * failures (broker down, buffer full) are the services' integration tests.
 */
class EventPublisherTests {

	/** A failure a retry may get past: the API answers 503. */
	private static final boolean PASSING = true;

	private static final boolean LASTING = false;

	private static final OrderCancelled CANCELLED = new OrderCancelled(UUID.randomUUID(), "customer-1",
			"changed my mind", Instant.parse("2026-11-24T10:15:30Z"));

	@Test
	void aDeliveredEventWentKeyedByItsOrderAndReportsWhereTheBrokerPutIt() {
		MockProducer<String, CloudEvent<?>> producer = producer(true);

		Delivery delivery = publisher(producer, Duration.ofSeconds(10)).publish(Topics.ORDERS, CANCELLED).join();

		ProducerRecord<String, CloudEvent<?>> sent = producer.history().get(0);
		assertThat(sent.topic()).isEqualTo("orders");
		assertThat(sent.key()).isEqualTo(CANCELLED.orderId().toString());
		assertThat(sent.value().data()).isEqualTo(CANCELLED);
		assertThat(delivery).isEqualTo(new Delivery(sent.value().id(), "orders", 0, 0L));
	}

	@Test
	void aPublishTheProducerNeverAnswersFailsAsPassingOnceItsTimeoutHasPassed() {
		CompletableFuture<Delivery> delivery = publisher(producer(false), Duration.ofMillis(250)).publish(Topics.ORDERS,
				CANCELLED);

		assertFailsAs(delivery, Duration.ofSeconds(5), PASSING,
				"Could not publish to orders: No answer from the producer within PT0.25S");
	}

	@Test
	void anErrorTheBrokerAnswersFailsThePublishWithIt() {
		MockProducer<String, CloudEvent<?>> producer = producer(false);
		CompletableFuture<Delivery> delivery = publisher(producer, Duration.ofSeconds(10)).publish(Topics.ORDERS,
				CANCELLED);

		producer.errorNext(new NotLeaderOrFollowerException("the leader moved"));

		assertFailsAs(delivery, Duration.ofSeconds(5), PASSING, "Could not publish to orders: the leader moved");
	}

	@Test
	void aRecordTheProducerRefusesThroughItsCallbackFailsThePublishAsPassing() {
		// KafkaProducer reports an ApiException (buffer full, no metadata in time) to the
		// callback while send() runs and returns a failed future; MockProducer throws.
		MockProducer<String, CloudEvent<?>> producer = new MockProducer<>(true, null, new StringSerializer(),
				new CloudEventSerializer()) {

			@Override
			public synchronized Future<RecordMetadata> send(ProducerRecord<String, CloudEvent<?>> record,
					Callback callback) {
				BufferExhaustedException full = new BufferExhaustedException("buffer full for 2000 ms");
				callback.onCompletion(null, full);
				return CompletableFuture.failedFuture(full);
			}

		};

		CompletableFuture<Delivery> delivery = publisher(producer, Duration.ofSeconds(10)).publish(Topics.ORDERS,
				CANCELLED);

		assertFailsAs(delivery, Duration.ZERO, PASSING, "Could not publish to orders: buffer full for 2000 ms");
	}

	@Test
	void aSendThatThrowsFailsThePublishWithoutThrowing() {
		MockProducer<String, CloudEvent<?>> producer = producer(true);
		producer.sendException = new SerializationException("cannot write the event");

		CompletableFuture<Delivery> delivery = publisher(producer, Duration.ofSeconds(10)).publish(Topics.ORDERS,
				CANCELLED);

		assertFailsAs(delivery, Duration.ZERO, LASTING, "Could not publish to orders: cannot write the event");
	}

	private static void assertFailsAs(CompletableFuture<Delivery> delivery, Duration within, boolean passing,
			String message) {
		assertThat(delivery).failsWithin(within)
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(PublishFailedException.class,
					(failure) -> assertThat(failure.isTransient()).isEqualTo(passing))
			.withMessage(message);
	}

	private static MockProducer<String, CloudEvent<?>> producer(boolean answersAtOnce) {
		return new MockProducer<>(answersAtOnce, null, new StringSerializer(), new CloudEventSerializer());
	}

	// The template closes a producer its factory did not cache after each send, and a
	// closed MockProducer refuses the next: one publish per publisher.
	private static EventPublisher publisher(MockProducer<String, CloudEvent<?>> producer, Duration timeout) {
		return new EventPublisher(new KafkaTemplate<>(() -> producer), new EventTopics(new TopicsProperties(Map.of())),
				URI.create("/eventsuite/tests"), timeout);
	}

}
