package io.eventsuite.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events clients grouped by a key (a room, a user), and the fan-out of events
 * to them. A client whose connection broke is dropped on the next send, so one dead
 * browser never stops the others.
 * <p>
 * A client that reconnects with {@code Last-Event-ID} first gets what it missed from the
 * caller's history, then the live events. Subscribing, broadcasting and whatever a caller
 * runs {@link #inOrder in order} take one lock per key, so an event remembered and
 * broadcast in one step reaches such a client exactly once: from the history or live.
 */
public class SseBroadcaster {

	private static final Logger log = LoggerFactory.getLogger(SseBroadcaster.class);

	/** Enough that keys rarely share a lock, few enough to cost nothing. */
	private static final int LOCKS = 64;

	private final Map<String, Set<SseEmitter>> clients = new ConcurrentHashMap<>();

	private final Object[] locks = new Object[LOCKS];

	private final Duration timeout;

	private final LongFunction<SseEmitter> emitters;

	public SseBroadcaster(Duration timeout) {
		this(timeout, SseEmitter::new);
	}

	SseBroadcaster(Duration timeout, LongFunction<SseEmitter> emitters) {
		this.timeout = timeout;
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
		SseEmitter emitter = this.emitters.apply(this.timeout.toMillis());
		emitter.onCompletion(() -> remove(key, emitter));
		emitter.onTimeout(() -> remove(key, emitter));
		emitter.onError((ex) -> remove(key, emitter));
		synchronized (lock(key)) {
			// Added inside the map's atomic step: between computeIfAbsent and add, the
			// last
			// client leaving could remove the set, and this client would join a set that
			// no
			// broadcast reaches.
			this.clients.compute(key, (k, emitters) -> {
				Set<SseEmitter> joined = (emitters != null) ? emitters : ConcurrentHashMap.newKeySet();
				joined.add(emitter);
				return joined;
			});
			// Until the controller returns the emitter, these sends are only buffered.
			send(key, emitter, SseEmitter.event().comment("subscribed to " + key));
			for (Event event : missed.get()) {
				send(key, emitter, event.toSse());
			}
		}
		return emitter;
	}

	/**
	 * Sends an event to every client of a key.
	 * @param key the room or user
	 * @param event the event
	 */
	public void broadcast(String key, Event event) {
		synchronized (lock(key)) {
			Set<SseEmitter> emitters = this.clients.get(key);
			if (emitters == null) {
				return;
			}
			for (SseEmitter emitter : emitters) {
				send(key, emitter, event.toSse());
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
		this.clients.forEach((key, emitters) -> emitters
			.forEach((emitter) -> send(key, emitter, SseEmitter.event().comment("heartbeat"))));
	}

	/**
	 * How many clients listen to a key.
	 * @param key the room or user
	 * @return the number of connected clients
	 */
	public int subscribers(String key) {
		Set<SseEmitter> emitters = this.clients.get(key);
		return (emitters != null) ? emitters.size() : 0;
	}

	private void send(String key, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Dropping a client of {}: {}", key, ex.toString());
			remove(key, emitter);
			emitter.completeWithError(ex);
		}
	}

	private Object lock(String key) {
		return this.locks[Math.floorMod(key.hashCode(), LOCKS)];
	}

	private void remove(String key, SseEmitter emitter) {
		this.clients.computeIfPresent(key, (k, emitters) -> {
			emitters.remove(emitter);
			return emitters.isEmpty() ? null : emitters;
		});
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

		SseEmitter.SseEventBuilder toSse() {
			return SseEmitter.event().name(this.name).id(this.id).data(this.data, MediaType.APPLICATION_JSON);
		}

	}

}
