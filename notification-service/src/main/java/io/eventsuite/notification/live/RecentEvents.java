package io.eventsuite.notification.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The latest events of each key (a user, a room), newest first, bounded four ways: so
 * many per key, so many keys, so many events and so many bytes in all. An event seen
 * twice (same id) is kept once. The keys read or written least recently are forgotten
 * first, whole; a key over the bytes in all on its own loses its oldest events.
 * <p>
 * The bounds in all are what hold the heap. The count holds it for the events a service
 * writes itself (a kept notification costs about 400 bytes, measured on Java 25 with
 * compact object headers; a chat message about 360 plus its text). The bytes hold it for
 * what any other producer may write within the contract's limits: 50,000 notifications of
 * 2,000 emoji each would have taken some 650 MB.
 *
 * @param <T> the event
 */
public class RecentEvents<T> {

	private final Limits limits;

	private final Function<T, ?> id;

	private final ToLongFunction<T> weight;

	/** In access order: iteration starts at the key read or written least recently. */
	private final Map<String, KeyEvents<T>> byKey = new LinkedHashMap<>(16, 0.75f, true);

	private int kept;

	private long keptBytes;

	/**
	 * Creates an empty history.
	 * @param limits how much it keeps
	 * @param id an event's id: its {@code toString()} is the SSE id a client resumes from
	 * @param weight an event's bytes, from above ({@link HeapWeights})
	 */
	public RecentEvents(Limits limits, Function<T, ?> id, ToLongFunction<T> weight) {
		this.limits = limits;
		this.id = id;
		this.weight = weight;
	}

	/**
	 * Remembers an event.
	 * @param key whose event it is
	 * @param event the event
	 * @return {@code false} if it was already known
	 */
	public synchronized boolean add(String key, T event) {
		KeyEvents<T> events = this.byKey.computeIfAbsent(key, (k) -> new KeyEvents<>());
		int before = events.newestFirst.size();
		long bytesBefore = events.bytes;
		if (!events.add(event, this)) {
			return false;
		}
		this.kept += events.newestFirst.size() - before;
		this.keptBytes += events.bytes - bytesBefore;
		forgetLeastRecentKeys();
		return true;
	}

	/**
	 * Reaches the key just written, the most recent, only if its newest event alone
	 * weighs more than the bytes in all (the contract's limits keep events far below any
	 * sensible bound): no key keeps more than the bounds in all otherwise, so forgetting
	 * the others is enough.
	 */
	private void forgetLeastRecentKeys() {
		Iterator<KeyEvents<T>> leastRecentFirst = this.byKey.values().iterator();
		while (this.byKey.size() > this.limits.maxKeys() || this.kept > this.limits.maxEvents()
				|| this.keptBytes > this.limits.maxBytes()) {
			KeyEvents<T> forgotten = leastRecentFirst.next();
			this.kept -= forgotten.newestFirst.size();
			this.keptBytes -= forgotten.bytes;
			leastRecentFirst.remove();
		}
	}

	/**
	 * The events of a key.
	 * @param key the user or room
	 * @return its kept events, newest first
	 */
	public synchronized List<T> of(String key) {
		KeyEvents<T> events = this.byKey.get(key);
		return (events != null) ? List.copyOf(events.newestFirst) : List.of();
	}

	/**
	 * What a client that last saw {@code lastId} missed.
	 * @param key the user or room
	 * @param lastId the id of the last event the client saw
	 * @return the kept events after it, oldest first; all kept events when it is not
	 * among them (it was forgotten, so the client may have missed more than is kept)
	 */
	public synchronized List<T> after(String key, String lastId) {
		KeyEvents<T> events = this.byKey.get(key);
		if (events == null) {
			return List.of();
		}
		List<T> missed = new ArrayList<>();
		for (T event : events.newestFirst) {
			if (this.id.apply(event).toString().equals(lastId)) {
				break;
			}
			missed.add(event);
		}
		Collections.reverse(missed);
		return missed;
	}

	/** How many events are kept, all keys together. */
	synchronized int kept() {
		return this.kept;
	}

	/** What the kept events weigh, all keys together. */
	synchronized long keptBytes() {
		return this.keptBytes;
	}

	/**
	 * One key's events, newest first, and their ids: a listener reads every event, so the
	 * check for a repeat is a set lookup rather than a walk through the list (a fifth of
	 * the notification feed's thread in the drain benchmark).
	 */
	private static final class KeyEvents<T> {

		private final Deque<T> newestFirst = new ArrayDeque<>();

		private final Set<Object> ids = new HashSet<>();

		private long bytes;

		boolean add(T event, RecentEvents<T> recent) {
			if (!this.ids.add(recent.id.apply(event))) {
				return false;
			}
			this.newestFirst.addFirst(event);
			this.bytes += recent.weight.applyAsLong(event);
			Limits limits = recent.limits;
			// The newest stays here, whatever it weighs; see forgetLeastRecentKeys.
			while (this.newestFirst.size() > 1 && (this.newestFirst.size() > limits.perKey()
					|| this.newestFirst.size() > limits.maxEvents() || this.bytes > limits.maxBytes())) {
				T oldest = this.newestFirst.removeLast();
				this.ids.remove(recent.id.apply(oldest));
				this.bytes -= recent.weight.applyAsLong(oldest);
			}
			return true;
		}

	}

	/**
	 * How much a history keeps.
	 *
	 * @param perKey the most events kept per key
	 * @param maxKeys the most keys kept
	 * @param maxEvents the most events kept, all keys together
	 * @param maxBytes the most bytes kept, all keys together, as the events' weights
	 * count them
	 */
	public record Limits(int perKey, int maxKeys, int maxEvents, long maxBytes) {

	}

}
