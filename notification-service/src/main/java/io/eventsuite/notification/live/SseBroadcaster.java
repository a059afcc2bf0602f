package io.eventsuite.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.eventsuite.events.Lengths;

/**
 * Server-Sent Events clients grouped by a key (a room, a user), and the fan-out of events
 * to them.
 * <p>
 * <b>No client holds up another.</b> Broadcasting only queues an event for each client;
 * each client's queue is written to its connection by a task of its own on the sending
 * executor. A client that stops reading (a laptop asleep, a dead mobile link) blocks only
 * its own task, for as long as the server's write waits, and once it falls so many events
 * or so many bytes behind ({@link Backlog}) it is dropped: its browser reconnects with
 * {@code Last-Event-ID} and catches up from the history, as far back as it is kept. An
 * event is written as JSON and framed once for all its clients, and a client's queue
 * holds references to those frames: what a stalled client keeps alive is the frames it
 * has not been sent, up to its bound in bytes. A client whose connection broke is dropped
 * at its next write.
 * <p>
 * <b>Each event once.</b> A client that reconnects with {@code Last-Event-ID} first gets
 * what it missed from the caller's history, then the live events. Subscribing,
 * broadcasting and whatever a caller runs {@link #inOrder in order} take one lock per
 * key, so an event remembered and broadcast in one step reaches such a client exactly
 * once: from the history or live. Nothing under the lock waits for a network.
 */
public class SseBroadcaster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SseBroadcaster.class);

	/**
	 * What a frame holds besides its texts: the set, its three parts and the framing
	 * around the data.
	 */
	private static final long FRAME_OVERHEAD = 256;

	/** Enough that keys rarely share a lock, few enough to cost nothing. */
	private static final int LOCKS = 64;

	private final Map<String, Set<Client>> clients = new ConcurrentHashMap<>();

	private final Object[] locks = new Object[LOCKS];

	private final Duration timeout;

	private final Backlog backlog;

	private final Executor senders;

	private final JsonMapper json;

	private final LongFunction<SseEmitter> emitters;

	/**
	 * Creates a broadcaster.
	 * @param timeout how long a connection stays open
	 * @param backlog how far behind a client may fall before it is dropped
	 * @param senders runs the clients' writes, shut down by {@link #close()} if it is an
	 * {@link ExecutorService}; a client that stops reading holds one of its threads until
	 * the server's write times out
	 * @param json writes the events' data, as the application's HTTP answers are written
	 */
	public SseBroadcaster(Duration timeout, Backlog backlog, Executor senders, JsonMapper json) {
		this(timeout, backlog, senders, json, SseEmitter::new);
	}

	SseBroadcaster(Duration timeout, Backlog backlog, Executor senders, JsonMapper json,
			LongFunction<SseEmitter> emitters) {
		this.timeout = timeout;
		this.backlog = backlog;
		this.senders = senders;
		this.json = json;
		this.emitters = emitters;
		Arrays.setAll(this.locks, (i) -> new Object());
	}

	/**
	 * Connects a client that missed nothing.
	 * @param key what the client listens to
	 * @return the emitter to return from the controller
	 * @see #subscribe(String, Supplier)
	 */
	public SseEmitter subscribe(String key) {
		return subscribe(key, List::of);
	}

	/**
	 * Connects a client. The first thing it receives is a comment, which also sends the
	 * response headers, so the client knows at once that it is subscribed; then what it
	 * missed, then every event broadcast after that. What it missed does not count
	 * against its backlog: the history bounds it, and a client dropped for it would
	 * reconnect and be given the same again.
	 * @param key what the client listens to
	 * @param missed the events the client missed, oldest first, asked for under the key's
	 * lock
	 * @return the emitter to return from the controller
	 */
	public SseEmitter subscribe(String key, Supplier<List<Event>> missed) {
		Client client = new Client(key, this.emitters.apply(this.timeout.toMillis()));
		client.emitter.onCompletion(() -> remove(client));
		client.emitter.onTimeout(() -> remove(client));
		client.emitter.onError((ex) -> remove(client));
		synchronized (lock(key)) {
			List<Frame> frames = new ArrayList<>();
			frames.add(Frame.comment("subscribed to " + key));
			missed.get().forEach((event) -> frame(event).ifPresent(frames::add));
			// Joined inside the map's atomic step: between computeIfAbsent and add, the
			// last client leaving could remove the set, and this client would join a set
			// that no broadcast reaches. Joined before its first events are queued, so
			// that a client dropped while they are is removed again; no broadcast comes
			// between, as this holds the key's lock.
			this.clients.compute(key, (k, joined) -> {
				Set<Client> members = (joined != null) ? joined : ConcurrentHashMap.newKeySet();
				members.add(client);
				return members;
			});
			client.catchUp(frames);
		}
		return client.emitter;
	}

	/**
	 * Whether a client asks to resume.
	 * @param lastEventId its {@code Last-Event-ID}, if it sent one
	 * @return {@code true} if it names an event; a blank header asks for nothing missed
	 */
	public static boolean resumes(String lastEventId) {
		return lastEventId != null && !lastEventId.isBlank();
	}

	/**
	 * Sends an event to every client of a key.
	 * @param key the room or user
	 * @param event the event
	 */
	public void broadcast(String key, Event event) {
		synchronized (lock(key)) {
			Set<Client> members = this.clients.get(key);
			if (members != null) {
				// Written and framed once for all clients: a queued event costs a client
				// a reference.
				frame(event).ifPresent((frame) -> members.forEach((client) -> client.queue(frame)));
			}
		}
	}

	/**
	 * Runs work while no client of the key subscribes: a listener that remembers an event
	 * and broadcasts it here makes it reach a resuming client exactly once.
	 * @param key the room or user
	 * @param work what to run
	 */
	public void inOrder(String key, Runnable work) {
		synchronized (lock(key)) {
			work.run();
		}
	}

	/**
	 * Sends a comment to every client: keeps idle connections open through proxies and
	 * finds dead clients.
	 */
	public void heartbeat() {
		Frame heartbeat = Frame.comment("heartbeat");
		this.clients.values().forEach((members) -> members.forEach((client) -> client.queue(heartbeat)));
	}

	/**
	 * How many clients listen to a key.
	 * @param key the room or user
	 * @return the number of connected clients
	 */
	public int subscribers(String key) {
		Set<Client> members = this.clients.get(key);
		return (members != null) ? members.size() : 0;
	}

	/**
	 * Stops the writing threads, when they are this broadcaster's own.
	 */
	@Override
	public void close() {
		if (this.senders instanceof ExecutorService owned) {
			owned.shutdownNow();
		}
	}

	/**
	 * Frames an event, or logs why it cannot: an event whose data cannot be written is
	 * left out of every stream rather than failing the listener that keeps it or the
	 * client that resumes after it.
	 */
	private Optional<Frame> frame(Event event) {
		String data;
		try {
			// As text: the converter for strings writes it as it is, and a client's
			// bound counts what it holds.
			data = this.json.writeValueAsString(event.data());
		}
		catch (JacksonException ex) {
			log.error("Could not write event {} ({}) as JSON; it is not streamed", event.id(), event.name(), ex);
			return Optional.empty();
		}
		return Optional.of(new Frame(
				SseEmitter.event().name(event.name()).id(event.id()).data(data, MediaType.APPLICATION_JSON).build(),
				HeapWeights.of(FRAME_OVERHEAD, event.name(), event.id(), data)));
	}

	private Object lock(String key) {
		return this.locks[Math.floorMod(key.hashCode(), LOCKS)];
	}

	private void remove(Client client) {
		this.clients.computeIfPresent(client.key, (k, members) -> {
			members.remove(client);
			return members.isEmpty() ? null : members;
		});
	}

	/**
	 * One connection: its queue of frames, and whether a task is writing them. At most
	 * one task writes to a connection at a time, so its frames leave in the order queued.
	 */
	private final class Client {

		private final String key;

		private final SseEmitter emitter;

		private final Deque<Queued> queued = new ArrayDeque<>();

		/** What is queued beyond what the client was given at once when it joined. */
		private int liveEvents;

		private long liveBytes;

		private boolean writing;

		private String dropped;

		Client(String key, SseEmitter emitter) {
			this.key = key;
			this.emitter = emitter;
		}

		/**
		 * Queues what the client is given at once when it joins: not counted against its
		 * backlog, which the history bounds instead.
		 */
		void catchUp(List<Frame> frames) {
			frames.forEach((frame) -> queue(frame, false));
		}

		void queue(Frame frame) {
			queue(frame, true);
		}

		private void queue(Frame frame, boolean live) {
			Backlog backlog = SseBroadcaster.this.backlog;
			synchronized (this) {
				if (this.dropped != null) {
					return;
				}
				if (live && (this.liveEvents >= backlog.events() || this.liveBytes + frame.bytes() > backlog.bytes())) {
					// Completing the emitter here would wait for the write it is stuck
					// in; the writing task completes it when that write returns.
					this.dropped = "it fell " + this.liveEvents + " events (" + this.liveBytes + " bytes) behind";
					clearQueue();
					remove(this);
				}
				else {
					this.queued.add(new Queued(frame, live));
					if (live) {
						this.liveEvents++;
						this.liveBytes += frame.bytes();
					}
				}
				if (this.writing) {
					return;
				}
				this.writing = true;
			}
			try {
				SseBroadcaster.this.senders.execute(this::write);
			}
			catch (RejectedExecutionException ex) {
				synchronized (this) {
					this.writing = false;
					this.dropped = "no thread could write to it";
					clearQueue();
				}
				remove(this);
				finish(ex);
			}
		}

		private void clearQueue() {
			this.queued.clear();
			this.liveEvents = 0;
			this.liveBytes = 0;
		}

		/**
		 * Completes the response, unless the container already has: after a client went
		 * away, Tomcat refuses any further use of its request from another thread.
		 */
		private void finish(Throwable failure) {
			try {
				if (failure != null) {
					this.emitter.completeWithError(failure);
				}
				else {
					this.emitter.complete();
				}
			}
			catch (RuntimeException ex) {
				log.debug("A client of {} was closed already: {}", this.key, ex.toString());
			}
		}

		private void write() {
			while (true) {
				Queued next;
				String droppedBecause;
				synchronized (this) {
					next = this.queued.poll();
					if (next != null && next.live()) {
						this.liveEvents--;
						this.liveBytes -= next.frame().bytes();
					}
					droppedBecause = this.dropped;
					if (next == null) {
						this.writing = false;
					}
				}
				if (droppedBecause != null) {
					log.debug("Dropping a client of {}: {}", this.key, droppedBecause);
					finish(null);
					return;
				}
				if (next == null) {
					return;
				}
				try {
					this.emitter.send(next.frame().parts());
				}
				catch (IOException | RuntimeException ex) {
					synchronized (this) {
						this.dropped = ex.toString();
						clearQueue();
						this.writing = false;
					}
					log.debug("Dropping a client of {}: {}", this.key, ex.toString());
					remove(this);
					finish(ex);
					return;
				}
			}
		}

	}

	/**
	 * One event of a stream.
	 *
	 * @param name the SSE event name
	 * @param id the SSE event id: what a reconnecting browser sends back as
	 * {@code Last-Event-ID}
	 * @param data the event, written as JSON
	 */
	public record Event(String name, String id, Object data) {

		/** The longest id: ids are kept in the histories, and come from any producer. */
		public static final int MAX_ID = 1_000;

		/**
		 * Checks the id, which any producer may have chosen.
		 * @throws IllegalArgumentException if the id is longer than {@link #MAX_ID} or
		 * holds a line break, which would end the SSE field early
		 */
		public Event {
			if (!Lengths.within(id, MAX_ID) || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
				throw new IllegalArgumentException(
						"An event id of " + id.length() + " UTF-16 units, or with a line break, cannot be an SSE id");
			}
		}

	}

	/**
	 * How far behind a client may fall (it stopped reading, or reads slower than its
	 * key's events come) before it is dropped. A queued event costs a client a reference
	 * to its frame; what the bound in bytes holds is the frames that only stalled clients
	 * still keep.
	 *
	 * @param events the most events queued for one client
	 * @param bytes the most bytes of frames queued for one client, as {@link HeapWeights}
	 * counts them
	 */
	public record Backlog(int events, long bytes) {

	}

	/**
	 * A frame in a client's queue.
	 *
	 * @param frame the frame
	 * @param live whether it counts against the client's backlog: not if the client was
	 * given it at once when it joined
	 */
	private record Queued(Frame frame, boolean live) {

	}

	/**
	 * An event or comment as written to a stream.
	 *
	 * @param parts the framing and the data, as an emitter sends them
	 * @param bytes their weight, from above ({@link HeapWeights})
	 */
	private record Frame(Set<DataWithMediaType> parts, long bytes) {

		static Frame comment(String text) {
			return new Frame(SseEmitter.event().comment(text).build(), HeapWeights.of(FRAME_OVERHEAD, text));
		}

	}

}
