package io.eventsuite.order.api;

import java.util.UUID;

import io.eventsuite.order.domain.OrderReceipt;
import io.eventsuite.order.domain.OrderStatus;

/**
 * The body of a {@code 202 Accepted}: the order and where the broker put its event.
 *
 * @param orderId the order
 * @param status its status after the command
 * @param topic the topic of the event
 * @param partition the partition its key hashed to
 * @param offset the offset in that partition, {@code null} when unknown ({@code acks=0})
 */
record OrderAcceptedResponse(UUID orderId, OrderStatus status, String topic, int partition, Long offset) {

	static OrderAcceptedResponse of(OrderReceipt receipt) {
		return new OrderAcceptedResponse(receipt.orderId(), receipt.status(), receipt.delivery().topic(),
				receipt.delivery().partition(), receipt.delivery().offset());
	}

}
