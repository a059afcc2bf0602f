package io.eventsuite.support.kafka;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.eventsuite.events.Topics;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.wire.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish timeout is the safety net when the producer never answers, which a real
 * producer is built not to do; so the template here is one that never answers. The
 * broker-backed failures (broker down, buffer full) are the services' integration tests.
 */
class EventPublisherTests {

	@Test
	void aPublishTheProducerNeverAnswersFailsAsPassingOnceItsTimeoutHasPassed() {
		EventPublisher publisher = new EventPublisher(new SilentTemplate(),
				new EventTopics(new TopicsProperties(Map.of())), URI.create("/eventsuite/tests"),
				Duration.ofMillis(250));

		CompletableFuture<Delivery> delivery = publisher.publish(Topics.ORDERS,
				new OrderCancelled(UUID.randomUUID(), "customer-1", "changed my mind", Instant.now()));

		assertThat(delivery).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingCause()
			.isInstanceOfSatisfying(PublishFailedException.class,
					(failure) -> assertThat(failure.isTransient()).isTrue())
			.withMessage("Could not publish to orders: No answer from the producer within PT0.25S");
	}

	/** Takes every record and never reports on it. */
	private static final class SilentTemplate extends KafkaTemplate<String, CloudEvent<?>> {

		SilentTemplate() {
			super(new DefaultKafkaProducerFactory<>(Map.of()));
		}

		@Override
		public CompletableFuture<SendResult<String, CloudEvent<?>>> send(ProducerRecord<String, CloudEvent<?>> record) {
			return new CompletableFuture<>();
		}

	}

}
