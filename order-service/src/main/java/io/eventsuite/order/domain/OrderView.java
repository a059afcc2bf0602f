package io.eventsuite.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;

/**
 * The current state of an order, folded from its events in the {@code orders} topic. The
 * service keeps no database: this view, materialized by Kafka Streams into the
 * {@value #STORE} store and its compacted changelog, is how it knows an order.
 *
 * @param orderId the order
 * @param customerId whose order it is
 * @param status placed or cancelled
 * @param items what was ordered
 * @param total the sum of the line totals
 * @param currency ISO 4217 code of the amounts
 * @param placedAt when it was placed
 * @param cancelledAt when it was cancelled, {@code null} while it is not
 * @param cancelReason why it was cancelled, {@code null} while it is not
 */
public record OrderView(UUID orderId, String customerId, OrderStatus status, List<OrderLine> items, BigDecimal total,
		String currency, Instant placedAt, Instant cancelledAt, String cancelReason) {

	/** The state store of the views, keyed by order id. */
	public static final String STORE = "order-view";

	public OrderView {
		items = List.copyOf(items);
	}

	/**
	 * Folds one more event of an order into its view. Replaying an event changes nothing:
	 * the first placement and the first cancellation win, so a duplicate (a producer
	 * retry, a replayed dead letter) is harmless.
	 * @param current the view so far, {@code null} before the first event
	 * @param event the next event of the order
	 * @return the new view; {@code null} while the order was never placed
	 */
	public static OrderView apply(OrderView current, OrderEvent event) {
		if (event instanceof OrderPlaced placed) {
			return (current != null) ? current
					: new OrderView(placed.orderId(), placed.customerId(), OrderStatus.PLACED, placed.items(),
							placed.total(), placed.currency(), placed.placedAt(), null, null);
		}
		OrderCancelled cancelled = (OrderCancelled) event;
		if (current == null || current.status() == OrderStatus.CANCELLED) {
			return current;
		}
		return new OrderView(current.orderId(), current.customerId(), OrderStatus.CANCELLED, current.items(),
				current.total(), current.currency(), current.placedAt(), cancelled.cancelledAt(), cancelled.reason());
	}

	/**
	 * The order's id as the record key and store key.
	 * @return the key
	 */
	public String key() {
		return this.orderId.toString();
	}

}
