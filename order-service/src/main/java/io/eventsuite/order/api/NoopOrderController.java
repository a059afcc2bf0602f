package io.eventsuite.order.api;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.events.Topics;
import io.eventsuite.order.domain.OrderStatus;
import io.eventsuite.order.domain.PlaceOrder;

/**
 * {@code POST /api/benchmark/noop-orders}: the reference the benchmarks hold
 * {@code POST /api/orders} against. It takes the same body through the same Spring MVC,
 * Jackson and Bean Validation path, builds the same {@link PlaceOrder} command and
 * answers {@code 202} with a body of the same shape, but publishes nothing, so the
 * difference between the two endpoints is what publishing costs. Only registered with
 * {@code eventsuite.benchmark.noop-endpoint=true}.
 */
@RestController
@ConditionalOnBooleanProperty("eventsuite.benchmark.noop-endpoint")
class NoopOrderController {

	static final String PATH = "/api/benchmark/noop-orders";

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<OrderAcceptedResponse> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1,
					max = 128) String idempotencyKey) {
		// Built and dropped: the command is where the real endpoint hands over to the
		// domain.
		request.toCommand();
		UUID orderId = UUID.randomUUID();
		// Made-up placement of the same size: nothing was written, so there is no offset;
		// the partition is a stand-in from orders' six.
		return ResponseEntity.accepted()
			.location(URI.create("/api/orders/" + orderId))
			.body(new OrderAcceptedResponse(orderId, OrderStatus.PLACED, Topics.ORDERS.defaultName(),
					Math.floorMod(orderId.hashCode(), 6), 0L));
	}

}
