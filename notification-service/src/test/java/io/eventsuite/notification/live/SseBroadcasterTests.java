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

	private final SseBroadcaster broadcaster = new SseBroadcaster(Duration.ofMinutes(1), 10_000, this.senders,
			RecordingEmitter::new);

	@AfterEach
	void stopSenders() {
		this.senders.shutdownNow();
	}

	@Test
	void clientsResumingWhileEventsArriveGetEachEventOnceInOrder() throws Exception {
		int events = (CLIENTS + 1) * SPACING;
		RecentEvents<Integer> history = new RecentEvents<>(events, 1, events, (n) -> n);
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
		SseBroadcaster bounded = new SseBroadcaster(Duration.ofMinutes(1), BACKLOG, this.senders,
				RecordingEmitter::new);
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
		try {
			CompletableFuture
				.runAsync(() -> IntStream.range(from, to).forEach((n) -> broadcaster.broadcast("room", event(n))))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("Broadcasting did not return", ex);
		}
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

	/**
	 * Records the ids of the events it is sent, and lets a test play the client leaving
	 * or stopping to read.
	 */
	private static final class RecordingEmitter extends SseEmitter {

		private final List<String> ids = new ArrayList<>();

		private volatile Runnable completion;

		private volatile CountDownLatch stalled = new CountDownLatch(0);

		private volatile boolean completed;

		RecordingEmitter(long timeout) {
			super(timeout);
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
				if (part.getData() instanceof String text) {
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
