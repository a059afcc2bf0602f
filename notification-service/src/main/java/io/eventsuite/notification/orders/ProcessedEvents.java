package io.eventsuite.notification.orders;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids ({@code ce_id}) of the order events this instance has handled most recently, so
 * that the same event arriving again (a producer that sent it twice, a dead-letter
 * replay) has no second effect. Bounded: the oldest ids are forgotten first.
 */
class ProcessedEvents {

	private final Map<String, Boolean> ids;

	ProcessedEvents(int capacity) {
		this.ids = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized boolean contains(String eventId) {
		return this.ids.containsKey(eventId);
	}

	synchronized void add(String eventId) {
		this.ids.put(eventId, Boolean.TRUE);
	}

}
