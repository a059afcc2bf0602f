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

/**
 * The latest events of each key (a user, a room), newest first, bounded three ways: so
 * many per key, so many keys, so many in all. An event seen twice (same id) is kept once.
 * The keys read or written least recently are forgotten first, whole.
 * <p>
 * The bound in all is what holds the heap: a kept notification costs about 400 bytes
 * (measured on Java 25 with compact object headers), a chat message about 360 plus its
 * text.
 *
 * @param <T> the event
 */
public class RecentEvents<T> {

	private final int perKey;

	private final int maxKeys;

	private final int maxEvents;

	private final Function<T, ?> id;

	/** In access order: iteration starts at the key read or written least recently. */
	private final Map<String, KeyEvents<T>> byKey = new LinkedHashMap<>(16, 0.75f, true);

	private int kept;

	/**
	 * Creates an empty history.
	 * @param perKey the most events kept per key
	 * @param maxKeys the most keys kept
	 * @param maxEvents the most events kept, all keys together
	 * @param id an event's id: its {@code toString()} is the SSE id a client resumes from
	 */
	public RecentEvents(int perKey, int maxKeys, int maxEvents, Function<T, ?> id) {
		this.perKey = Math.min(perKey, maxEvents);
		this.maxKeys = maxKeys;
		this.maxEvents = maxEvents;
		this.id = id;
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
		if (!events.add(event, this.id, this.perKey)) {
			return false;
		}
		this.kept += events.newestFirst.size() - before;
		forgetLeastRecentKeys();
		return true;
	}

	/**
	 * Never reaches the key just written, the most recent: no key keeps more than the
	 * bound in all, so forgetting the others is always enough.
	 */
	private void forgetLeastRecentKeys() {
		Iterator<KeyEvents<T>> leastRecentFirst = this.byKey.values().iterator();
		while (this.byKey.size() > this.maxKeys || this.kept > this.maxEvents) {
			this.kept -= leastRecentFirst.next().newestFirst.size();
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

	/**
	 * One key's events, newest first, and their ids: a listener reads every event, so the
	 * check for a repeat is a set lookup rather than a walk through the list (a fifth of
	 * the notification feed's thread in the drain benchmark).
	 */
	private static final class KeyEvents<T> {

		private final Deque<T> newestFirst = new ArrayDeque<>();

		private final Set<Object> ids = new HashSet<>();

		boolean add(T event, Function<T, ?> id, int limit) {
			if (!this.ids.add(id.apply(event))) {
				return false;
			}
			this.newestFirst.addFirst(event);
			while (this.newestFirst.size() > limit) {
				this.ids.remove(id.apply(this.newestFirst.removeLast()));
			}
			return true;
		}

	}

}
