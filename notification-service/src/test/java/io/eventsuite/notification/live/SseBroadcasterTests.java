package io.eventsuite.notification.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The broadcaster's guarantees between a listener, clients that subscribe while it
 * broadcasts, and clients that stop reading: each client gets every event once, in order,
 * whether from what it missed or live, and no client waits for another. The emitters
 * record what they are sent instead of writing to a response.
 */
class SseBroadcasterTests {

	private static final int CLIENTS = 50;

	private static final int SPACING = 100;

	/**
	 * More than the first burst of ten, fewer than the twenty-five the stalled client
	 * misses.
	 */
	private static final int BACKLOG = 20;

	private static final Pattern ID = Pattern.compile("^id:(.*)$", Pattern.MULTILINE);

	private final ExecutorService senders = Executors.newCachedThreadPool();

	private final SseBroadcaster broadcaster = broadcaster(new SseBroadcaster.Backlog(10_000, Long.MAX_VALUE));

	@AfterEach
	void stopSenders() {
		this.senders.shutdownNow();
	}

	@Test
	void clientsResumingWhileEventsArriveGetEachEventOnceInOrder() throws Exception {
		int events = (CLIENTS + 1) * SPACING;
		RecentEvents<Integer> history = new RecentEvents<>(new RecentEvents.Limits(events, 1, events, Long.MAX_VALUE),
				(n) -> n, (n) -> 1);
		AtomicInteger lastBroadcast = new AtomicInteger(-1);
		// The listener runs at most a spacing ahead of the clients joining.
		Semaphore ahead = new Semaphore(SPACING);
		CompletableFuture<Void> listener = CompletableFuture.runAsync(() -> {
			for (int n = 0; n < events; n++) {
				ahead.acquireUninterruptibly();
				int event = n;
				this.broadcaster.inOrder("room", () -> {
					if (history.add("room", event)) {
						this.broadcaster.broadcast("room", event(event));
					}
				});
				lastBroadcast.set(event);
			}
		});
		List<Resumed> clients = new ArrayList<>();
		for (int joined = 0; joined < CLIENTS; joined++) {
			// Joins halfway through a spacing, while the listener goes on broadcasting.
			int halfway = joined * SPACING + SPACING / 2;
			await().pollInterval(Duration.ofMillis(1))
				.atMost(Duration.ofSeconds(30))
				.until(() -> lastBroadcast.get() >= halfway);
			int lastSeen = lastBroadcast.get();
			SseEmitter emitter = this.broadcaster.subscribe("room",
					() -> history.after("room", String.valueOf(lastSeen))
						.stream()
						.map(SseBroadcasterTests::event)
						.toList());
			clients.add(new Resumed(lastSeen, (RecordingEmitter) emitter));
			ahead.release(SPACING);
		}
		ahead.release(SPACING);
		listener.get(60, TimeUnit.SECONDS);

		assertThat(this.broadcaster.subscribers("room")).isEqualTo(CLIENTS);
		for (Resumed client : clients) {
			List<String> expected = IntStream.range(client.lastSeen() + 1, events).mapToObj(String::valueOf).toList();
			await().pollInterval(Duration.ofMillis(10))
				.atMost(Duration.ofSeconds(30))
				.until(() -> client.emitter().ids().size() >= expected.size());
			assertThat(client.emitter().ids()).as("resumed after %d", client.lastSeen())
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aClientJoiningWhileTheLastOneLeavesGetsTheNextBroadcast() throws Exception {
		for (int round = 0; round < 2_000; round++) {
			String key = "room-" + round;
			RecordingEmitter leaving = (RecordingEmitter) this.broadcaster.subscribe(key);
			CyclicBarrier start = new CyclicBarrier(2);
			CompletableFuture<Void> leaves = CompletableFuture.runAsync(() -> {
				meet(start);
				leaving.completion.run();
			});
			meet(start);
			RecordingEmitter joining = (RecordingEmitter) this.broadcaster.subscribe(key);
			leaves.get(10, TimeUnit.SECONDS);

			this.broadcaster.broadcast(key, new SseBroadcaster.Event("e", "after", "x"));

			int thisRound = round;
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(1))
				.atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(joining.ids()).as("round %d", thisRound).containsExactly("after"));
		}
	}

	@Test
	void aClientThatStopsReadingHoldsUpNoOtherAndIsDroppedOnceItFallsBehind() {
		SseBroadcaster bounded = broadcaster(new SseBroadcaster.Backlog(BACKLOG, Long.MAX_VALUE));
		RecordingEmitter stalled = (RecordingEmitter) bounded.subscribe("room");
		CountDownLatch readsAgain = stalled.stall();
		RecordingEmitter reading = (RecordingEmitter) bounded.subscribe("room");

		broadcast(bounded, 0, 10);
		await().atMost(Duration.ofSeconds(10)).until(() -> reading.ids().size() == 10);
		assertThat(bounded.subscribers("room")).as("behind, but within the backlog").isEqualTo(2);
		broadcast(bounded, 10, 25);

		await().atMost(Duration.ofSeconds(10)).until(() -> reading.ids().size() == 25);
		assertThat(reading.ids()).containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(String::valueOf).toList());
		assertThat(bounded.subscribers("room")).as("the stalled client dropped").isEqualTo(1);
		assertThat(stalled.completed).as("completed by its own writer, once its write returns").isFalse();
		readsAgain.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> stalled.completed);
		assertThat(stalled.ids()).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void aClientThatStopsReadingIsDroppedOnceWhatItHasNotBeenSentWeighsTooMuch() {
		SseBroadcaster bounded = broadcaster(new SseBroadcaster.Backlog(10_000, 64 * 1024));
		RecordingEmitter stalled = (RecordingEmitter) bounded.subscribe("room");
		CountDownLatch readsAgain = stalled.stall();
		RecordingEmitter reading = (RecordingEmitter) bounded.subscribe("room");
		// About 8 KB each as counted (4,000 UTF-16 units): 64 KB hold fewer than eight.
		String text = "\uD83D\uDE00".repeat(2_000);

		broadcast(bounded, 0, 5, text);
		await().atMost(Duration.ofSeconds(10)).until(() -> reading.ids().size() == 5);
		assertThat(bounded.subscribers("room")).as("behind, but within its bytes").isEqualTo(2);
		broadcast(bounded, 5, 10, text);

		await().atMost(Duration.ofSeconds(10)).until(() -> reading.ids().size() == 10);
		assertThat(bounded.subscribers("room")).as("the stalled client dropped, ten events behind at most")
			.isEqualTo(1);
		readsAgain.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> stalled.completed);
		assertThat(stalled.ids()).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void aResumingClientIsGivenAllItMissedEvenBeyondItsBacklog() {
		// Not reading from the start: all it missed is queued at once.
		CountDownLatch readsAgain = new CountDownLatch(1);
		SseBroadcaster bounded = new SseBroadcaster(Duration.ofMinutes(1),
				new SseBroadcaster.Backlog(BACKLOG, 64 * 1024), this.senders, JsonMapper.shared(),
				(timeout) -> new RecordingEmitter(timeout, readsAgain));
		String text = "\uD83D\uDE00".repeat(2_000);
		List<SseBroadcaster.Event> missed = IntStream.range(0, 3 * BACKLOG)
			.mapToObj((n) -> new SseBroadcaster.Event("e", String.valueOf(n), text))
			.toList();
		RecordingEmitter resumed = (RecordingEmitter) bounded.subscribe("room", () -> missed);
		broadcast(bounded, 3 * BACKLOG, 3 * BACKLOG + BACKLOG / 2);
		readsAgain.countDown();

		await().atMost(Duration.ofSeconds(10)).until(() -> resumed.ids().size() == 3 * BACKLOG + BACKLOG / 2);
		assertThat(resumed.ids()).containsExactlyElementsOf(
				IntStream.range(0, 3 * BACKLOG + BACKLOG / 2).mapToObj(String::valueOf).toList());
		assertThat(bounded.subscribers("room")).isEqualTo(1);

		// Once sent, what it was given at once no longer raises its backlog: one event
		// stuck in its write, a backlog queued, and the next one drops it.
		resumed.stall();
		broadcast(bounded, 4 * BACKLOG, 5 * BACKLOG + 2);
		assertThat(bounded.subscribers("room")).as("dropped once a backlog of live events waits").isZero();
	}

	@Test
	void anEventsDataIsWrittenAsJsonOnceForAllItsClients() {
		RecordingEmitter first = (RecordingEmitter) this.broadcaster.subscribe("room");
		RecordingEmitter second = (RecordingEmitter) this.broadcaster.subscribe("room");

		this.broadcaster.broadcast("room", new SseBroadcaster.Event("e", "1", new Sample("a \"b\"\nc", 2)));

		await().atMost(Duration.ofSeconds(10)).until(() -> first.data().size() == 1 && second.data().size() == 1);
		assertThat(first.data()).containsExactly("{\"text\":\"a \\\"b\\\"\\nc\",\"count\":2}");
		assertThat(first.data().get(0)).as("the same frame").isSameAs(second.data().get(0));
	}

	@Test
	void anIdThatWouldBreakTheStreamIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SseBroadcaster.Event("e", "a\nb", "x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SseBroadcaster.Event("e", "i".repeat(SseBroadcaster.Event.MAX_ID + 1), "x"));
	}

	@Test
	void aBlankLastEventIdAsksForNothingMissed() {
		assertThat(SseBroadcaster.resumes(null)).isFalse();
		assertThat(SseBroadcaster.resumes(" ")).isFalse();
		assertThat(SseBroadcaster.resumes("42")).isTrue();
	}

	/**
	 * Broadcasts as a listener does, on a thread of its own: a broadcaster that wrote to
	 * a stalled client itself would not return.
	 */
	private static void broadcast(SseBroadcaster broadcaster, int from, int to) {
		broadcast(broadcaster, from, to, null);
	}

	private static void broadcast(SseBroadcaster broadcaster, int from, int to, String data) {
		try {
			CompletableFuture
				.runAsync(() -> IntStream.range(from, to)
					.forEach((n) -> broadcaster.broadcast("room",
							(data != null) ? new SseBroadcaster.Event("e", String.valueOf(n), data) : event(n))))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("Broadcasting did not return", ex);
		}
	}

	private SseBroadcaster broadcaster(SseBroadcaster.Backlog backlog) {
		return new SseBroadcaster(Duration.ofMinutes(1), backlog, this.senders, JsonMapper.shared(),
				RecordingEmitter::new);
	}

	private static SseBroadcaster.Event event(int n) {
		return new SseBroadcaster.Event("e", String.valueOf(n), n);
	}

	private static void meet(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Resumed(int lastSeen, RecordingEmitter emitter) {
	}

	private record Sample(String text, int count) {
	}

	/**
	 * Records the ids of the events it is sent, and lets a test play the client leaving
	 * or stopping to read.
	 */
	private static final class RecordingEmitter extends SseEmitter {

		private final List<String> ids = new ArrayList<>();

		private final List<Object> data = new ArrayList<>();

		private volatile Runnable completion;

		private volatile CountDownLatch stalled = new CountDownLatch(0);

		private volatile boolean completed;

		RecordingEmitter(long timeout) {
			super(timeout);
		}

		RecordingEmitter(long timeout, CountDownLatch stalled) {
			super(timeout);
			this.stalled = stalled;
		}

		CountDownLatch stall() {
			this.stalled = new CountDownLatch(1);
			return this.stalled;
		}

		@Override
		public void send(Set<DataWithMediaType> event) {
			try {
				this.stalled.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			for (DataWithMediaType part : event) {
				if (MediaType.APPLICATION_JSON.equals(part.getMediaType())) {
					synchronized (this.ids) {
						this.data.add(part.getData());
					}
				}
				else if (part.getData() instanceof String text) {
					Matcher id = ID.matcher(text);
					synchronized (this.ids) {
						while (id.find()) {
							this.ids.add(id.group(1));
						}
					}
				}
			}
		}

		List<String> ids() {
			synchronized (this.ids) {
				return List.copyOf(this.ids);
			}
		}

		/** The data parts sent, as they were given to the emitter. */
		List<Object> data() {
			synchronized (this.ids) {
				return List.copyOf(this.data);
			}
		}

		@Override
		public void onCompletion(Runnable callback) {
			this.completion = callback;
			super.onCompletion(callback);
		}

		@Override
		public void complete() {
			this.completed = true;
		}

	}

}
