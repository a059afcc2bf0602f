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
 * 200 MB, where the usual 36-character ids take some 18 MB.
 */
class ProcessedEvents {

	/**
	 * What an id holds besides its characters: the string's headers and the map's entry,
	 * rounded up.
	 */
	static final long ID_OVERHEAD = 112;

	private final int capacity;

	private final long maxBytes;

	/** In access order: the id added or repeated least recently first. */
	private final Map<String, Long> weights = new LinkedHashMap<>(16, 0.75f, true);

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
		return this.weights.containsKey(eventId);
	}

	synchronized void add(String eventId) {
		long weight = ID_OVERHEAD + 2L * eventId.length();
		// A repeat is moved to the newest end, and counted once.
		if (this.weights.put(eventId, weight) != null) {
			return;
		}
		this.bytes += weight;
		Iterator<Long> oldestFirst = this.weights.values().iterator();
		// Never the id just added: an id is at most a few KB, far below any bound.
		while (this.weights.size() > 1 && (this.weights.size() > this.capacity || this.bytes > this.maxBytes)) {
			this.bytes -= oldestFirst.next();
			oldestFirst.remove();
		}
	}

	/** What the remembered ids count, for tests. */
	synchronized long bytes() {
		return this.bytes;
	}

}
