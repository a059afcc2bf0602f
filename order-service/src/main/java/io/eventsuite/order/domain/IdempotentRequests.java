package io.eventsuite.order.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Remembers the outcome of recent requests by idempotency key, so a retried request gets
 * the first answer instead of a second order. A retry that arrives while the first is
 * still in flight waits for the same outcome. A failed request is forgotten, so that
 * retrying it after a broker outage does place the order. Memory is bounded: the least
 * recently used keys are dropped first.
 */
class IdempotentRequests {

	private final Map<String, Entry> entries;

	IdempotentRequests(int maxKeys) {
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > maxKeys;
			}

		};
	}

	/**
	 * Runs a request once per key.
	 * @param key the scoped idempotency key
	 * @param fingerprint what the request asked for; a different request under the same
	 * key is refused
	 * @param request the request
	 * @return the outcome of the first request under this key
	 */
	CompletableFuture<OrderReceipt> once(String key, RequestFingerprint fingerprint,
			Supplier<CompletableFuture<OrderReceipt>> request) {
		CompletableFuture<OrderReceipt> outcome;
		synchronized (this.entries) {
			Entry existing = this.entries.get(key);
			if (existing != null) {
				if (!existing.fingerprint().equals(fingerprint)) {
					return CompletableFuture.failedFuture(new IdempotencyKeyReusedException());
				}
				return existing.outcome();
			}
			outcome = new CompletableFuture<>();
			this.entries.put(key, new Entry(fingerprint, outcome));
		}
		CompletableFuture<OrderReceipt> attempt;
		try {
			attempt = request.get();
		}
		catch (RuntimeException ex) {
			attempt = CompletableFuture.failedFuture(ex);
		}
		attempt.whenComplete((receipt, failure) -> {
			if (failure != null) {
				forget(key, outcome);
				outcome.completeExceptionally(failure);
			}
			else {
				outcome.complete(receipt);
			}
		});
		return outcome;
	}

	private void forget(String key, CompletableFuture<OrderReceipt> outcome) {
		synchronized (this.entries) {
			Entry entry = this.entries.get(key);
			if (entry != null && entry.outcome() == outcome) {
				this.entries.remove(key);
			}
		}
	}

	private record Entry(RequestFingerprint fingerprint, CompletableFuture<OrderReceipt> outcome) {
	}

}
