package io.eventsuite.notification.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broadcaster's ordering between a listener and clients that subscribe while it
 * broadcasts: each client gets every event once, in order, whether from what it missed or
 * live. The emitters record what they are sent instead of writing to a response.
 */
class SseBroadcasterTests {

	private static final int CLIENTS = 50;

	private static final int SPACING = 100;

	private static final Pattern ID = Pattern.compile("^id:(.*)$", Pattern.MULTILINE);

	private final SseBroadcaster broadcaster = new SseBroadcaster(Duration.ofMinutes(1), RecordingEmitter::new);

	@Test
	void clientsResumingWhileEventsArriveGetEachEventOnceInOrder() throws Exception {
		RecentEvents<Integer> history = new RecentEvents<>(Integer.MAX_VALUE, 1, Integer.MAX_VALUE, (n) -> n);
		AtomicInteger lastBroadcast = new AtomicInteger(-1);
		AtomicBoolean enough = new AtomicBoolean();
		CompletableFuture<Integer> listener = CompletableFuture.supplyAsync(() -> {
			int n = 0;
			for (; !enough.get(); n++) {
				int event = n;
				this.broadcaster.inOrder("room", () -> {
					if (history.add("room", event)) {
						this.broadcaster.broadcast("room", event(event));
					}
				});
				lastBroadcast.set(event);
			}
			return n;
		});
		List<Resumed> clients = new ArrayList<>();
		int lastResumed = -SPACING;
		while (clients.size() < CLIENTS) {
			// Clients spread over the run, each resuming after the last event it saw.
			int lastSeen = lastBroadcast.get();
			if (lastSeen >= lastResumed + SPACING) {
				lastResumed = lastSeen;
				SseEmitter emitter = this.broadcaster.subscribe("room",
						() -> history.after("room", String.valueOf(lastSeen))
							.stream()
							.map(SseBroadcasterTests::event)
							.toList());
				clients.add(new Resumed(lastSeen, (RecordingEmitter) emitter));
			}
		}
		enough.set(true);
		int events = listener.get(60, TimeUnit.SECONDS);

		for (Resumed client : clients) {
			List<String> expected = IntStream.range(client.lastSeen() + 1, events).mapToObj(String::valueOf).toList();
			assertThat(client.emitter().ids).as("resumed after %d", client.lastSeen())
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
				await(start);
				leaving.completion.run();
			});
			await(start);
			RecordingEmitter joining = (RecordingEmitter) this.broadcaster.subscribe(key);
			leaves.get(10, TimeUnit.SECONDS);

			this.broadcaster.broadcast(key, new SseBroadcaster.Event("e", "after", "x"));

			assertThat(joining.ids).as("round %d", round).containsExactly("after");
		}
	}

	private static SseBroadcaster.Event event(int n) {
		return new SseBroadcaster.Event("e", String.valueOf(n), n);
	}

	private static void await(CyclicBarrier barrier) {
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
	 * Records the ids of the events it is sent, and lets a test play the client leaving.
	 */
	private static final class RecordingEmitter extends SseEmitter {

		private final List<String> ids = new CopyOnWriteArrayList<>();

		private volatile Runnable completion;

		RecordingEmitter(long timeout) {
			super(timeout);
		}

		@Override
		public void send(SseEventBuilder builder) {
			for (DataWithMediaType part : builder.build()) {
				if (part.getData() instanceof String text) {
					Matcher id = ID.matcher(text);
					while (id.find()) {
						this.ids.add(id.group(1));
					}
				}
			}
		}

		@Override
		public void onCompletion(Runnable callback) {
			this.completion = callback;
			super.onCompletion(callback);
		}

	}

}
