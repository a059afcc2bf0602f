package io.eventsuite.benchmarks.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class LoadGeneratorTests {

	private final LoadGenerator load = new LoadGenerator();

	private URI orders;

	private HttpServer server;

	private ExecutorService serverThreads;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.serverThreads.shutdownNow();
		}
	}

	@Test
	void openLoopSendsEveryScheduledRequestAndKeepsTheSchedule() throws IOException {
		List<LoadRequest> requests = serve(4, (exchange) -> answer(exchange, 202));

		LoadResult result = this.load.openLoop(requests, 200, Duration.ofSeconds(1), 64);

		assertThat(result.ok()).isEqualTo(200);
		assertThat(result.errors()).isZero();
		// The last request is due 995 ms after the first: the schedule never runs ahead.
		assertThat(result.seconds()).isGreaterThanOrEqualTo(0.995);
	}

	@Test
	void openLoopCountsTheWaitOfRequestsDueWhileTheServerStalled() throws IOException {
		AtomicInteger served = new AtomicInteger();
		CountDownLatch never = new CountDownLatch(1);
		List<LoadRequest> requests = serve(1, (exchange) -> {
			if (served.incrementAndGet() == 20) {
				// A server stall of 500 ms (a GC pause, a slow disk), with one connection
				// in flight.
				awaitQuietly(never, 500);
			}
			answer(exchange, 202);
		});

		LoadResult result = this.load.openLoop(requests, 100, Duration.ofSeconds(2), 1);

		// About 50 requests were due during the stall: each waited for it, so about a
		// fifth of all are slower than 100 ms. Timed from their actual send, only the one
		// that met the stall would be: the 99th percentile would not see it.
		assertThat(result.ok()).isEqualTo(200);
		assertThat(result.latency().max()).isGreaterThanOrEqualTo(500);
		assertThat(result.latency().p99()).isGreaterThan(300);
	}

	@Test
	void closedLoopNeverHasMoreThanItsConcurrencyInFlight() throws IOException {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CountDownLatch never = new CountDownLatch(1);
		List<LoadRequest> requests = serve(16, (exchange) -> {
			most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			// Each request takes 5 ms of the server, so that requests overlap.
			awaitQuietly(never, 5);
			inFlight.decrementAndGet();
			answer(exchange, 202);
		});

		LoadResult result = this.load.closedLoop(requests, 4, Duration.ofMillis(500));

		assertThat(result.ok()).isPositive();
		assertThat(result.perSecond()).isPositive();
		assertThat(most.get()).isBetween(2, 4);
	}

	@Test
	void answersOtherThan2xxAreErrors() throws IOException {
		List<LoadRequest> requests = serve(4, (exchange) -> answer(exchange, 503));

		LoadResult result = this.load.closedLoop(requests, 2, Duration.ofMillis(200));

		assertThat(result.ok()).isZero();
		assertThat(result.errors()).isPositive();
		assertThat(result.errorKinds()).containsOnlyKeys("HTTP 503");
	}

	@Test
	void requestsNobodyAnswersAreErrorsOfTheirKind() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
		}
		List<LoadRequest> requests = List.of(LoadRequest.get(closed));

		LoadResult result = this.load.openLoop(requests, 50, Duration.ofMillis(200), 4);

		assertThat(result.ok()).isZero();
		assertThat(result.errors()).isEqualTo(10);
		assertThat(result.errorKinds()).containsOnlyKeys("ConnectException");
	}

	@Test
	void sendsTheRequestsInTurn() throws IOException {
		List<String> paths = new CopyOnWriteArrayList<>();
		List<LoadRequest> requests = serve(1, (exchange) -> {
			paths.add(exchange.getRequestURI().getPath());
			answer(exchange, 202);
		});
		List<LoadRequest> twoPaths = List.of(requests.get(0), LoadRequest.get(this.orders.resolve("/api/other")));

		this.load.openLoop(twoPaths, 100, Duration.ofMillis(60), 1);

		assertThat(paths).containsExactly("/api/orders", "/api/other", "/api/orders", "/api/other", "/api/orders",
				"/api/other");
	}

	@Test
	void openLoopHandsEveryAnswerWithItsStatusAndBodyToTheListener() throws IOException {
		AtomicInteger served = new AtomicInteger();
		List<LoadRequest> requests = serve(2, (exchange) -> {
			byte[] body = ("{\"n\":" + served.incrementAndGet() + "}").getBytes(StandardCharsets.UTF_8);
			// Every other answer chunked (a length of 0 tells the JDK's server so).
			boolean chunked = served.get() % 2 == 0;
			exchange.sendResponseHeaders(202, chunked ? 0 : body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		List<String> bodies = new CopyOnWriteArrayList<>();

		LoadResult result = this.load.openLoop(requests, 100, Duration.ofMillis(200), 4,
				(intended, status, body) -> bodies.add(status + " " + body));

		assertThat(result.ok()).isEqualTo(20);
		assertThat(bodies).hasSize(20).allMatch((answer) -> answer.matches("202 \\{\"n\":\\d+}"));
	}

	@Test
	void connectionsTheServerClosesAreReplaced() throws IOException {
		Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
		List<LoadRequest> requests = serve(2, (exchange) -> {
			clientPorts.add(exchange.getRemoteAddress().getPort());
			exchange.getResponseHeaders().add("Connection", "close");
			answer(exchange, 202);
		});

		LoadResult result = this.load.closedLoop(requests, 2, Duration.ofMillis(300));

		assertThat(result.errors()).isZero();
		assertThat(result.ok()).isGreaterThan(2);
		assertThat(clientPorts).hasSize((int) result.ok());
	}

	@Test
	void keepsConnectionsAliveAndOpensNoMoreThanItsConcurrency() throws IOException {
		Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
		List<LoadRequest> requests = serve(4, (exchange) -> {
			clientPorts.add(exchange.getRemoteAddress().getPort());
			answer(exchange, 202);
		});

		LoadResult result = this.load.closedLoop(requests, 3, Duration.ofMillis(300));

		assertThat(result.ok()).isGreaterThan(30);
		assertThat(clientPorts).hasSizeBetween(1, 3);
	}

	@Test
	void aRequestWrittenOnAConnectionTheServerHadClosedGoesOnceMoreOnANewOne() throws IOException {
		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
			// Answers one request per connection, then closes it without saying so, as a
			// server whose keep-alive timeout fell between two requests.
			Thread oneAnswerEach = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						connections.incrementAndGet();
						socket.getInputStream().read(new byte[4096]);
						socket.getOutputStream()
							.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
								.getBytes(StandardCharsets.US_ASCII));
					}
					catch (IOException ex) {
						// Closed by the test.
					}
				}
			});
			oneAnswerEach.setDaemon(true);
			oneAnswerEach.start();
			URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/orders");

			LoadResult result = this.load.openLoop(List.of(LoadRequest.post(uri, "application/json", "{}")), 100,
					Duration.ofMillis(200), 1);

			assertThat(result.errorKinds()).isEmpty();
			assertThat(result.ok()).isEqualTo(20);
			assertThat(connections.get()).isGreaterThanOrEqualTo(20);
		}
	}

	@Test
	void readsAnAnswerLargerThanItsBufferOverSeveralReads() throws IOException {
		byte[] large = "x".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
		List<LoadRequest> requests = serve(1, (exchange) -> {
			exchange.sendResponseHeaders(202, large.length);
			exchange.getResponseBody().write(large);
			exchange.close();
		});
		List<Integer> lengths = new CopyOnWriteArrayList<>();

		LoadResult result = this.load.openLoop(requests, 50, Duration.ofMillis(100), 1,
				(intended, status, body) -> lengths.add(body.length()));

		assertThat(result.ok()).isEqualTo(5);
		assertThat(lengths).containsOnly(20_000);
	}

	@Test
	void anAnswerCutOffByTheServerIsAnError() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
			Thread cutter = new Thread(() -> {
				try (Socket socket = server.accept()) {
					socket.getInputStream().read(new byte[1024]);
					socket.getOutputStream()
						.write("HTTP/1.1 202 Accepted\r\nContent-Length: 50\r\n\r\n{\"half\""
							.getBytes(StandardCharsets.US_ASCII));
				}
				catch (IOException ex) {
					// The test's assertion says what went wrong.
				}
			});
			cutter.start();
			URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/orders");

			LoadResult result = this.load.openLoop(List.of(LoadRequest.post(uri, "application/json", "{}")), 10,
					Duration.ofMillis(100), 1);

			assertThat(result.ok()).isZero();
			assertThat(result.errorKinds()).containsExactly(entry("EOFException", 1L));
		}
	}

	private List<LoadRequest> serve(int threads, Handler handler) throws IOException {
		this.serverThreads = Executors.newFixedThreadPool(threads);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			handler.handle(exchange);
		});
		this.server.setExecutor(this.serverThreads);
		this.server.start();
		this.orders = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/orders");
		return List.of(LoadRequest.post(this.orders, "application/json", HttpBenchmark.body(0)));
	}

	private static void answer(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static void awaitQuietly(CountDownLatch latch, long millis) {
		try {
			latch.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

}
