package io.eventsuite.order.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.order.messaging.OrderEventPublisher;

/**
 * Places and cancels orders. The service keeps no database: an order exists once its
 * event is in the {@code orders} topic, so every command completes only when the broker
 * has confirmed the event.
 */
@Service
public class Orders {

	private final OrderEventPublisher publisher;

	private final IdempotentRequests idempotentRequests;

	private final Clock clock;

	Orders(OrderEventPublisher publisher, IdempotencyProperties idempotency) {
		this.publisher = publisher;
		this.idempotentRequests = new IdempotentRequests(idempotency.maxKeys());
		this.clock = Clock.systemUTC();
	}

	/**
	 * Places an order. With an idempotency key, the order id is derived from the customer
	 * and the key, and a retry returns the first answer without publishing a second
	 * order.
	 * @param command the order
	 * @param idempotencyKey the client's key for this request, if it sent one
	 * @return completes when the broker confirmed the {@link OrderPlaced} event
	 */
	public CompletableFuture<OrderReceipt> place(PlaceOrder command, Optional<String> idempotencyKey) {
		if (idempotencyKey.isEmpty()) {
			return publishPlaced(UUID.randomUUID(), command);
		}
		String scopedKey = command.customerId() + '\n' + idempotencyKey.get();
		// A name-based id makes the same key yield the same order id on every instance,
		// even after a restart.
		UUID orderId = UUID.nameUUIDFromBytes(scopedKey.getBytes(StandardCharsets.UTF_8));
		return this.idempotentRequests.once(scopedKey, command, () -> publishPlaced(orderId, command));
	}

	/**
	 * Cancels an order.
	 * @param orderId the order
	 * @param customerId whose order it is
	 * @param reason why
	 * @return completes when the broker confirmed the {@link OrderCancelled} event
	 */
	public CompletableFuture<OrderReceipt> cancel(UUID orderId, String customerId, String reason) {
		OrderCancelled event = new OrderCancelled(orderId, customerId, reason, this.clock.instant());
		return this.publisher.publish(event)
			.thenApply((delivery) -> new OrderReceipt(orderId, OrderStatus.CANCELLED, delivery));
	}

	private CompletableFuture<OrderReceipt> publishPlaced(UUID orderId, PlaceOrder command) {
		OrderPlaced event = OrderPlaced.of(orderId, command.customerId(), command.items(), command.currency(),
				this.clock.instant());
		return this.publisher.publish(event)
			.thenApply((delivery) -> new OrderReceipt(orderId, OrderStatus.PLACED, delivery));
	}

}
