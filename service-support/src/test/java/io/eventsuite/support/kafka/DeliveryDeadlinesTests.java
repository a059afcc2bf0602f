package io.eventsuite.support.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The safety net of {@link EventPublisher}: a delivery nobody answers fails once its
 * timeout has passed, and not before; answered ones are left alone and forgotten. Each
 * test has a timeout of its own, as deliveries with the same timeout share a queue.
 */
class DeliveryDeadlinesTests {

	@Test
	void aDeliveryNobodyAnswersFailsWithATimeoutOnceItsTimeoutHasPassed() {
		Duration timeout = Duration.ofMillis(300);
		AtomicLong failedAfterNanos = new AtomicLong();
		long watchedAt = System.nanoTime();
		CompletableFuture<String> unanswered = DeliveryDeadlines.of(timeout).watch(new CompletableFuture<>());
		unanswered.whenComplete((result, failure) -> failedAfterNanos.set(System.nanoTime() - watchedAt));

		assertThat(unanswered).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(TimeoutException.class)
			.withMessage("No answer from the producer within PT0.3S");
		assertThat(Duration.ofNanos(failedAfterNanos.get())).isGreaterThanOrEqualTo(timeout);
	}

	@Test
	void answeredDeliveriesKeepTheirResultAndAreForgottenAtTheNextSweep() {
		DeliveryDeadlines deadlines = DeliveryDeadlines.of(Duration.ofMillis(301));
		CompletableFuture<String> first = deadlines.watch(new CompletableFuture<>());
		CompletableFuture<String> second = deadlines.watch(new CompletableFuture<>());
		assertThat(deadlines.watched()).isEqualTo(2);

		first.complete("partition 0, offset 0");
		second.completeExceptionally(new IllegalStateException("broker said no"));

		await().atMost(Duration.ofSeconds(5)).until(deadlines::watched, (watched) -> watched == 0);
		assertThat(first).isCompletedWithValue("partition 0, offset 0");
		assertThat(second).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aDeliveryAlreadyDoneIsNotWatched() {
		DeliveryDeadlines deadlines = DeliveryDeadlines.of(Duration.ofMillis(302));

		CompletableFuture<String> failedAtOnce = deadlines
			.watch(CompletableFuture.failedFuture(new IllegalStateException("no metadata")));

		assertThat(failedAtOnce).isCompletedExceptionally();
		assertThat(deadlines.watched()).isZero();
	}

	@Test
	void theSameTimeoutSharesItsDeadlines() {
		assertThat(DeliveryDeadlines.of(Duration.ofMillis(303))).isSameAs(DeliveryDeadlines.of(Duration.ofMillis(303)))
			.isNotSameAs(DeliveryDeadlines.of(Duration.ofMillis(304)));
	}

}
