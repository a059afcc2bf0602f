package io.eventsuite.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * its own task, for as long as the server's write waits, and once it falls
 * {@code backlog} events behind it is dropped: its browser reconnects with
 * {@code Last-Event-ID} and catches up from the history, as far back as it is kept. An
 * event's SSE framing is built once for all its clients and a client's queue holds
 * references; what a stalled client's queue keeps alive is the events themselves. A
 * client whose connection broke is dropped at its next write.
 * <p>
 * <b>Each event once.</b> A client that reconnects with {@code Last-Event-ID} first gets
 * what it missed from the caller's history, then the live events. Subscribing,
 * broadcasting and whatever a caller runs {@link #inOrder in order} take one lock per
 * key, so an event remembered and broadcast in one step reaches such a client exactly
 * once: from the history or live. Nothing under the lock waits for a network.
 */
public class SseBroadcaster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SseBroadcaster.class);

	/** Enough that keys rarely share a lock, few enough to cost nothing. */
	private static final int LOCKS = 64;

	private final Map<String, Set<Client>> clients = new ConcurrentHashMap<>();

	private final Object[] locks = new Object[LOCKS];

	private final Duration timeout;

	private final int backlog;

	private final Executor senders;

	private final LongFunction<SseEmitter> emitters;

	/**
	 * Creates a broadcaster.
	 * @param timeout how long a connection stays open
	 * @param backlog the most events queued for one client before it is dropped
	 * @param senders runs the clients' writes, shut down by {@link #close()} if it is an
	 * {@link ExecutorService}; a client that stops reading holds one of its threads until
	 * the server's write times out
	 */
	public SseBroadcaster(Duration timeout, int backlog, Executor senders) {
		this(timeout, backlog, senders, SseEmitter::new);
	}

	SseBroadcaster(Duration timeout, int backlog, Executor senders, LongFunction<SseEmitter> emitters) {
		this.timeout = timeout;
		this.backlog = backlog;
		this.senders = senders;
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
	 * missed, then every event broadcast after that.
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
			List<Event> caughtUp = missed.get();
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
			client.queue(SseEmitter.event().comment("subscribed to " + key).build());
			caughtUp.forEach((event) -> client.queue(event.toSse()));
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
				// Built once for all clients: a queued event costs a client a reference.
				Set<DataWithMediaType> written = event.toSse();
				members.forEach((client) -> client.queue(written));
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
		Set<DataWithMediaType> heartbeat = SseEmitter.event().comment("heartbeat").build();
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
	 * One connection: its queue of events, and whether a task is writing them. At most
	 * one task writes to a connection at a time, so its events leave in the order queued.
	 */
	private final class Client {

		private final String key;

		private final SseEmitter emitter;

		private final Deque<Set<DataWithMediaType>> queued = new ArrayDeque<>();

		private boolean writing;

		private String dropped;

		Client(String key, SseEmitter emitter) {
			this.key = key;
			this.emitter = emitter;
		}

		void queue(Set<DataWithMediaType> event) {
			synchronized (this) {
				if (this.dropped != null) {
					return;
				}
				if (this.queued.size() >= SseBroadcaster.this.backlog) {
					// Completing the emitter here would wait for the write it is stuck
					// in;
					// the writing task completes it when that write returns.
					this.dropped = "it fell " + this.queued.size() + " events behind";
					this.queued.clear();
					remove(this);
				}
				else {
					this.queued.add(event);
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
					this.queued.clear();
				}
				remove(this);
				finish(ex);
			}
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
				Set<DataWithMediaType> next;
				String droppedBecause;
				synchronized (this) {
					next = this.queued.poll();
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
					this.emitter.send(next);
				}
				catch (IOException | RuntimeException ex) {
					synchronized (this) {
						this.dropped = ex.toString();
						this.queued.clear();
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

		Set<DataWithMediaType> toSse() {
			return SseEmitter.event().name(this.name).id(this.id).data(this.data, MediaType.APPLICATION_JSON).build();
		}

	}

}
