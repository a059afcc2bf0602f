package io.eventsuite.order.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.order.messaging.OrderEventPublisher;
import io.eventsuite.support.streams.QueryableStore;
import io.eventsuite.support.streams.StateQueries;
import io.eventsuite.support.streams.StateUnavailableException;

/**
 * Places, cancels and finds orders. The service keeps no database: an order exists once
 * its event is in the {@code orders} topic, so every command completes only when the
 * broker has confirmed the event, and reads answer from the views Kafka Streams
 * materializes from that topic, on whichever instance hosts them.
 */
@Service
public class Orders {

	private final OrderEventPublisher publisher;

	private final IdempotentRequests idempotentRequests;

	private final StateQueries queries;

	private final QueryableStore<OrderView> views;

	private final QueryableStore<CustomerOrders> customerOrders;

	private final Clock clock;

	/** The cancellations this instance is publishing, by order. */
	private final Map<UUID, CompletableFuture<OrderReceipt>> cancelling = new ConcurrentHashMap<>();

	Orders(OrderEventPublisher publisher, IdempotencyProperties idempotency, StateQueries queries,
			QueryableStore<OrderView> views, QueryableStore<CustomerOrders> customerOrders) {
		this.publisher = publisher;
		this.queries = queries;
		this.views = views;
		this.customerOrders = customerOrders;
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
		return this.idempotentRequests.once(scopedKey, RequestFingerprint.of(command),
				() -> publishPlaced(orderId, command));
	}

	/**
	 * Cancels a placed order, for the customer who placed it. A request for an order
	 * whose cancellation this instance is still publishing joins it, and gets its answer:
	 * the view cannot tell a second request that the order is cancelled until the first
	 * event is in it, and two events would notify the customer twice.
	 * @param orderId the order
	 * @param reason why
	 * @return completes when the broker confirmed the {@link OrderCancelled} event
	 * @throws OrderNotFoundException when no such order was placed
	 * @throws OrderAlreadyCancelledException when it is cancelled already
	 * @throws StateUnavailableException when the order's state cannot be read now
	 */
	public CompletableFuture<OrderReceipt> cancel(UUID orderId, String reason) {
		CompletableFuture<OrderReceipt> cancellation = new CompletableFuture<>();
		CompletableFuture<OrderReceipt> inFlight = this.cancelling.putIfAbsent(orderId, cancellation);
		if (inFlight != null) {
			return inFlight;
		}
		try {
			publishCancelled(orderId, reason).whenComplete((receipt, failure) -> {
				// Gone before it completes: a request after the answer reads the view,
				// which by then has the cancellation (read-your-writes), and gets a 409.
				this.cancelling.remove(orderId, cancellation);
				if (failure != null) {
					cancellation.completeExceptionally(failure);
				}
				else {
					cancellation.complete(receipt);
				}
			});
			return cancellation;
		}
		catch (RuntimeException ex) {
			this.cancelling.remove(orderId, cancellation);
			cancellation.completeExceptionally(ex);
			throw ex;
		}
	}

	private CompletableFuture<OrderReceipt> publishCancelled(UUID orderId, String reason) {
		OrderView view = find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
		if (view.status() == OrderStatus.CANCELLED) {
			throw new OrderAlreadyCancelledException(orderId);
		}
		OrderCancelled event = new OrderCancelled(orderId, view.customerId(), reason, this.clock.instant());
		return this.publisher.publish(event)
			.thenApply((delivery) -> new OrderReceipt(orderId, OrderStatus.CANCELLED, delivery));
	}

	/**
	 * The current state of an order. Reads its own writes: an order whose event the
	 * broker acknowledged is found.
	 * @param orderId the order
	 * @return its view, empty when no such order was placed
	 * @throws StateUnavailableException when the view cannot be read now
	 */
	public Optional<OrderView> find(UUID orderId) {
		return this.queries.find(this.views, orderId.toString());
	}

	/**
	 * A customer's most recent orders, newest first.
	 * @param customerId the customer
	 * @param limit how many at most
	 * @return their summaries, none for a customer without orders
	 * @throws StateUnavailableException when the list cannot be read now
	 */
	public List<OrderSummary> ofCustomer(String customerId, int limit) {
		return this.queries.find(this.customerOrders, customerId).orElseGet(CustomerOrders::none).newest(limit);
	}

	private CompletableFuture<OrderReceipt> publishPlaced(UUID orderId, PlaceOrder command) {
		OrderPlaced event = OrderPlaced.of(orderId, command.customerId(), command.items(), command.currency(),
				this.clock.instant());
		return this.publisher.publish(event)
			.thenApply((delivery) -> new OrderReceipt(orderId, OrderStatus.PLACED, delivery));
	}

}
