package io.eventsuite.notification.live;

/**
 * What the histories and the clients' queues count against their bounds in bytes: an
 * estimate from above of the heap an event holds, cheap enough for every event a listener
 * reads. A string counts two bytes per UTF-16 unit, as it takes beyond Latin-1 (one byte
 * in Latin-1), plus its object and array headers; the rest of an event (its record, ids,
 * time and the entries that keep it) is a fixed sum its caller gives.
 */
public final class HeapWeights {

	/**
	 * A string's object and array headers, its fields and padding: 24 and 16 bytes on a
	 * 64-bit JVM with compressed references, rounded up.
	 */
	static final long STRING_OVERHEAD = 48;

	private HeapWeights() {
	}

	/**
	 * Estimates what an object with some text holds.
	 * @param fixed the bytes of everything but the strings
	 * @param texts the strings it holds
	 * @return an estimate that is not below the heap they take
	 */
	public static long of(long fixed, String... texts) {
		long bytes = fixed;
		for (String text : texts) {
			bytes += STRING_OVERHEAD + 2L * text.length();
		}
		return bytes;
	}

}
