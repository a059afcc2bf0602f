package io.eventsuite.order.api;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.order.domain.IdempotencyKeyReusedException;
import io.eventsuite.order.domain.OrderAlreadyCancelledException;
import io.eventsuite.order.domain.OrderNotFoundException;
import io.eventsuite.order.domain.OrderView;
import io.eventsuite.order.domain.OrderReceipt;
import io.eventsuite.order.domain.Orders;

/**
 * Places, cancels and reads orders. Each command handler returns a future that the
 * producer's delivery callback completes, so the request thread is released while the
 * broker writes the event and {@code 202} means the broker has it. Reads answer from the
 * order view on whichever instance hosts it; while it cannot be read, {@code 503}.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

	private final Orders orders;

	OrderController(Orders orders) {
		this.orders = orders;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	CompletableFuture<ResponseEntity<OrderAcceptedResponse>> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1,
					max = 128) String idempotencyKey) {
		return this.orders.place(request.toCommand(), Optional.ofNullable(idempotencyKey))
			.thenApply(OrderController::accepted);
	}

	@PostMapping(path = "/{orderId}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	CompletableFuture<ResponseEntity<OrderAcceptedResponse>> cancel(@PathVariable UUID orderId,
			@Valid @RequestBody CancelOrderRequest request) {
		return this.orders.cancel(orderId, request.reason()).thenApply(OrderController::accepted);
	}

	@GetMapping("/{orderId}")
	OrderView find(@PathVariable UUID orderId) {
		return this.orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(OrderNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Order not found", ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> alreadyCancelled(OrderAlreadyCancelledException ex) {
		return problem(HttpStatus.CONFLICT, "Order already cancelled", ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		return ResponseEntity.unprocessableContent()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

	private static ResponseEntity<OrderAcceptedResponse> accepted(OrderReceipt receipt) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/orders/" + receipt.orderId()))
			.body(OrderAcceptedResponse.of(receipt));
	}

}
