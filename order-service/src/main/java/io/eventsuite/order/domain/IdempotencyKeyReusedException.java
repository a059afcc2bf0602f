package io.eventsuite.order.domain;

/**
 * An {@code Idempotency-Key} came back with a different request than the one it was first
 * used for.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException() {
		super("This Idempotency-Key was already used for a different order");
	}

}
