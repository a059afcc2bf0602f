package io.eventsuite.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events clients grouped by a key (a room, a user), and the fan-out of events
 * to them. A client whose connection broke is dropped on the next send, so one dead
 * browser never stops the others.
 */
public class SseBroadcaster {

	private static final Logger log = LoggerFactory.getLogger(SseBroadcaster.class);

	private final Map<String, Set<SseEmitter>> clients = new ConcurrentHashMap<>();

	private final Duration timeout;

	public SseBroadcaster(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Connects a client. The first thing it receives is a comment, which also sends the
	 * response headers, so the client knows at once that it is subscribed.
	 * @param key what the client listens to
	 * @return the emitter to return from the controller
	 */
	public SseEmitter subscribe(String key) {
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		// Added inside the map's atomic step: between computeIfAbsent and add, the last
		// client leaving could remove the set, and this client would join a set that no
		// broadcast reaches.
		this.clients.compute(key, (k, emitters) -> {
			Set<SseEmitter> joined = (emitters != null) ? emitters : ConcurrentHashMap.newKeySet();
			joined.add(emitter);
			return joined;
		});
		emitter.onCompletion(() -> remove(key, emitter));
		emitter.onTimeout(() -> remove(key, emitter));
		emitter.onError((ex) -> remove(key, emitter));
		send(key, emitter, SseEmitter.event().comment("subscribed to " + key));
		return emitter;
	}

	/**
	 * Sends an event to every client of a key.
	 * @param key the room or user
	 * @param name the SSE event name
	 * @param id the SSE event id, the event's CloudEvents id: a client can tell one it
	 * already has (the service does not resume a stream from {@code Last-Event-ID})
	 * @param data the event, written as JSON
	 */
	public void broadcast(String key, String name, String id, Object data) {
		Set<SseEmitter> emitters = this.clients.get(key);
		if (emitters == null) {
			return;
		}
		for (SseEmitter emitter : emitters) {
			send(key, emitter, SseEmitter.event().name(name).id(id).data(data, MediaType.APPLICATION_JSON));
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

	private void remove(String key, SseEmitter emitter) {
		this.clients.computeIfPresent(key, (k, emitters) -> {
			emitters.remove(emitter);
			return emitters.isEmpty() ? null : emitters;
		});
	}

}
