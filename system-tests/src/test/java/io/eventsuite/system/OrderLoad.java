package io.eventsuite.system;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.eventsuite.test.ServiceClient;

import static org.awaitility.Awaitility.await;

/**
 * Places orders from a few threads until stopped, and remembers every order the API
 * accepted with {@code 202}: the promises a failure must not break. Bounded in count, so
 * it stops by itself.
 */
final class OrderLoad implements AutoCloseable {

	private static final int MAX_REQUESTS = 20_000;

	private final ServiceClient client;

	private final ExecutorService workers;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger requests = new AtomicInteger();

	private final Set<String> accepted = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

	private OrderLoad(ServiceClient client, int concurrency) {
		this.client = client;
		this.workers = Executors.newFixedThreadPool(concurrency);
		for (int worker = 0; worker < concurrency; worker++) {
			String customer = "load-" + worker;
			this.workers.execute(() -> place(customer));
		}
	}

	/**
	 * Starts placing orders.
	 * @param client the order-service
	 * @param concurrency how many requests are in flight at once
	 * @return the running load, to be stopped
	 */
	static OrderLoad start(ServiceClient client, int concurrency) {
		return new OrderLoad(client, concurrency);
	}

	private void place(String customer) {
		while (this.running.get() && this.requests.incrementAndGet() <= MAX_REQUESTS) {
			String outcome;
			try {
				HttpResponse<String> response = this.client.postJson("/api/orders", """
						{"customerId":"%s","currency":"EUR","items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99}]}"""
					.formatted(customer));
				outcome = String.valueOf(response.statusCode());
				if (response.statusCode() == 202) {
					this.accepted.add(ServiceClient.json(response).get("orderId").asString());
				}
			}
			catch (UncheckedIOException ex) {
				outcome = "connection failed";
			}
			this.outcomes.computeIfAbsent(outcome, (k) -> new AtomicInteger()).incrementAndGet();
		}
	}

	/**
	 * Waits until this many more orders than now have been accepted.
	 * @param more how many more
	 */
	void awaitMoreAccepted(int more) {
		int target = this.accepted.size() + more;
		await().atMost(Duration.ofSeconds(120)).until(() -> this.accepted.size() >= target);
	}

	/** Stops placing orders and waits for the requests in flight. */
	void stop() {
		this.running.set(false);
		this.workers.shutdown();
		try {
			this.workers.awaitTermination(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	Set<String> accepted() {
		return Set.copyOf(this.accepted);
	}

	/**
	 * What the requests got, for failure messages and reports.
	 * @return count by status code (or {@code connection failed})
	 */
	Map<String, Integer> outcomes() {
		Map<String, Integer> outcomes = new TreeMap<>();
		this.outcomes.forEach((outcome, count) -> outcomes.put(outcome, count.get()));
		return outcomes;
	}

	@Override
	public void close() {
		stop();
	}

}
