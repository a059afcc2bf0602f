package io.eventsuite.order.domain;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.eventsuite.support.kafka.Delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdempotentRequestsTests {

	private static final RequestFingerprint ORDER = new RequestFingerprint(1, 2);

	private static final RequestFingerprint ANOTHER_ORDER = new RequestFingerprint(1, 3);

	private final AtomicInteger published = new AtomicInteger();

	@Test
	void retryWhileTheFirstIsInFlightWaitsForTheSameOutcome() {
		IdempotentRequests requests = new IdempotentRequests(10);
		CompletableFuture<OrderReceipt> broker = new CompletableFuture<>();

		CompletableFuture<OrderReceipt> first = requests.once("k", ORDER, () -> count(broker));
		CompletableFuture<OrderReceipt> retry = requests.once("k", ORDER, () -> count(broker));
		broker.complete(receipt());

		assertThat(this.published).hasValue(1);
		assertThat(retry.join()).isSameAs(first.join());
	}

	@Test
	void failedRequestIsForgottenSoARetryPublishesAgain() {
		IdempotentRequests requests = new IdempotentRequests(10);

		CompletableFuture<OrderReceipt> failed = requests.once("k", ORDER,
				() -> count(CompletableFuture.failedFuture(new IllegalStateException("broker down"))));
		CompletableFuture<OrderReceipt> retry = requests.once("k", ORDER,
				() -> count(CompletableFuture.completedFuture(receipt())));

		assertThat(failed).isCompletedExceptionally();
		assertThat(retry).isCompleted();
		assertThat(this.published).hasValue(2);
	}

	@Test
	void sameKeyForADifferentRequestIsRefused() {
		IdempotentRequests requests = new IdempotentRequests(10);
		requests.once("k", ORDER, () -> count(CompletableFuture.completedFuture(receipt())));

		CompletableFuture<OrderReceipt> other = requests.once("k", ANOTHER_ORDER,
				() -> count(CompletableFuture.completedFuture(receipt())));

		assertThatExceptionOfType(Exception.class).isThrownBy(other::join)
			.withCauseInstanceOf(IdempotencyKeyReusedException.class);
		assertThat(this.published).hasValue(1);
	}

	@Test
	void memoryIsBoundedByForgettingTheOldestKeys() {
		IdempotentRequests requests = new IdempotentRequests(2);
		requests.once("a", ORDER, () -> count(CompletableFuture.completedFuture(receipt())));
		requests.once("b", ORDER, () -> count(CompletableFuture.completedFuture(receipt())));
		requests.once("c", ORDER, () -> count(CompletableFuture.completedFuture(receipt())));

		requests.once("c", ORDER, () -> count(CompletableFuture.completedFuture(receipt())));
		assertThat(this.published).hasValue(3);
		requests.once("a", ORDER, () -> count(CompletableFuture.completedFuture(receipt())));
		assertThat(this.published).as("the oldest key was forgotten").hasValue(4);
	}

	private CompletableFuture<OrderReceipt> count(CompletableFuture<OrderReceipt> outcome) {
		this.published.incrementAndGet();
		return outcome;
	}

	private static OrderReceipt receipt() {
		return new OrderReceipt(UUID.randomUUID(), OrderStatus.PLACED, new Delivery("e", "orders", 0, 1L));
	}

}
