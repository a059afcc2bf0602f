package io.eventsuite.support.kafka;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NetworkException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.wire.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The safety net of {@link EventPublisher}: a delivery nobody answers fails once its
 * timeout has passed, and not before; answered ones are left alone and forgotten. Each
 * test has a timeout of its own, as deliveries with the same timeout share a queue.
 */
class DeliveryDeadlinesTests {

	private static final RecordMetadata FIRST_IN_PARTITION_0 = new RecordMetadata(new TopicPartition("orders", 0), 0, 0,
			0, 36, 200);

	@Test
	void aDeliveryNobodyAnswersFailsWithATimeoutOnceItsTimeoutHasPassed() {
		Duration timeout = Duration.ofMillis(300);
		AtomicLong failedAfterNanos = new AtomicLong();
		long watchedAt = System.nanoTime();
		PendingDelivery unanswered = DeliveryDeadlines.of(timeout).watch(pending());
		// Completed only after the action has run: the sweeper completes the delivery,
		// then runs its dependents, so a reader woken by the delivery alone could see no
		// time yet.
		CompletableFuture<Delivery> timed = unanswered
			.whenComplete((result, failure) -> failedAfterNanos.set(System.nanoTime() - watchedAt));

		assertThat(unanswered).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(PublishFailedException.class)
			.havingCause()
			.isInstanceOf(TimeoutException.class)
			.withMessage("No answer from the producer within PT0.3S");
		assertThat(timed).failsWithin(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(failedAfterNanos.get())).isGreaterThanOrEqualTo(timeout);
	}

	@Test
	void answeredDeliveriesKeepTheirResultAndAreForgottenAtTheNextSweep() {
		DeliveryDeadlines deadlines = DeliveryDeadlines.of(Duration.ofMillis(301));
		PendingDelivery first = deadlines.watch(pending());
		PendingDelivery second = deadlines.watch(pending());
		assertThat(deadlines.watched()).isEqualTo(2);

		first.onCompletion(FIRST_IN_PARTITION_0, null);
		second.onCompletion(null, new IllegalStateException("broker said no"));

		await().atMost(Duration.ofSeconds(5)).until(deadlines::watched, (watched) -> watched == 0);
		assertThat(first.join()).extracting(Delivery::partition, Delivery::offset).containsExactly(0, 0L);
		assertThat(second).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(PublishFailedException.class)
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aFailureTheProducerReportsAfterTheDeadlineIsNotLoggedAgain() {
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(EventPublisher.class);
		lines.start();
		logger.addAppender(lines);
		try {
			PendingDelivery late = DeliveryDeadlines.of(Duration.ofMillis(305)).watch(pending());
			await().atMost(Duration.ofSeconds(5)).until(late::isDone);

			late.onCompletion(null, new NetworkException("the broker went away"));
			late.onCompletion(FIRST_IN_PARTITION_0, null);

			assertThat(lines.list).singleElement()
				.satisfies((line) -> assertThat(line.getLevel()).isEqualTo(Level.WARN))
				.extracting(ILoggingEvent::getFormattedMessage, InstanceOfAssertFactories.STRING)
				.contains("No answer from the producer within PT0.305S");
			assertThat(late).failsWithin(Duration.ZERO)
				.withThrowableThat()
				.havingCause()
				.havingCause()
				.isInstanceOf(TimeoutException.class);
		}
		finally {
			logger.detachAppender(lines);
		}
	}

	@Test
	void aDeliveryAlreadyDoneIsNotWatched() {
		DeliveryDeadlines deadlines = DeliveryDeadlines.of(Duration.ofMillis(302));
		PendingDelivery failedAtOnce = pending();
		failedAtOnce.fail(new IllegalStateException("no metadata"));

		deadlines.watch(failedAtOnce);

		assertThat(failedAtOnce).isCompletedExceptionally();
		assertThat(deadlines.watched()).isZero();
	}

	@Test
	void theSameTimeoutSharesItsDeadlines() {
		assertThat(DeliveryDeadlines.of(Duration.ofMillis(303))).isSameAs(DeliveryDeadlines.of(Duration.ofMillis(303)))
			.isNotSameAs(DeliveryDeadlines.of(Duration.ofMillis(304)));
	}

	private static PendingDelivery pending() {
		OrderCancelled cancelled = new OrderCancelled(UUID.randomUUID(), "customer-1", "changed my mind",
				Instant.now());
		return new PendingDelivery("orders", cancelled.key(),
				CloudEvent.of(URI.create("/eventsuite/tests"), cancelled));
	}

}
