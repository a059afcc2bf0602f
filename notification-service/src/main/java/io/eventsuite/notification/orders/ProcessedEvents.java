package io.eventsuite.notification.orders;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids ({@code ce_id}) of the order events this instance has handled most recently, so
 * that the same event arriving again (a producer that sent it twice, a dead-letter
 * replay) has no second effect. Bounded in count and in bytes: the oldest ids are
 * forgotten first. Ids come from any producer that writes to {@code orders}, up to 1,000
 * characters ({@link OrderNotifications}): at that length 100,000 of them would take some
 * 200 MB, where the usual 36-character ids take some 18 MB (and count 20).
 */
class ProcessedEvents {

	/**
	 * What an id holds besides its characters: the string's headers, the map's entry and
	 * its slot in the table, rounded up (about 120 bytes on Java 17 without compact
	 * object headers).
	 */
	static final long ID_OVERHEAD = 128;

	private final int capacity;

	private final long maxBytes;

	/** In access order: the id added or repeated least recently first. */
	private final Map<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, true);

	private long bytes;

	/**
	 * Remembers nothing yet.
	 * @param capacity the most ids remembered
	 * @param maxBytes the most bytes they take, counted from above: two bytes a UTF-16
	 * unit (one in Latin-1) plus {@link #ID_OVERHEAD}
	 */
	ProcessedEvents(int capacity, long maxBytes) {
		this.capacity = capacity;
		this.maxBytes = maxBytes;
	}

	synchronized boolean contains(String eventId) {
		return this.ids.containsKey(eventId);
	}

	synchronized void add(String eventId) {
		// A repeat is moved to the newest end, and counted once.
		if (this.ids.put(eventId, Boolean.TRUE) != null) {
			return;
		}
		this.bytes += weight(eventId);
		Iterator<String> oldestFirst = this.ids.keySet().iterator();
		// Never the id just added: an id is at most a few KB, far below any bound.
		while (this.ids.size() > 1 && (this.ids.size() > this.capacity || this.bytes > this.maxBytes)) {
			this.bytes -= weight(oldestFirst.next());
			oldestFirst.remove();
		}
	}

	private static long weight(String eventId) {
		return ID_OVERHEAD + 2L * eventId.length();
	}

	/** What the remembered ids count, for tests. */
	synchronized long bytes() {
		return this.bytes;
	}

}
