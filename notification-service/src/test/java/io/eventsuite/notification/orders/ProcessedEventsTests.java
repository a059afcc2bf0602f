package io.eventsuite.notification.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedEventsTests {

	@Test
	void remembersRecentIdsAndForgetsTheOldestBeyondItsCapacity() {
		ProcessedEvents processed = new ProcessedEvents(2, Long.MAX_VALUE);
		processed.add("a");
		processed.add("b");
		processed.add("c");

		assertThat(processed.contains("a")).isFalse();
		assertThat(processed.contains("b")).isTrue();
		assertThat(processed.contains("c")).isTrue();
	}

	@Test
	void forgetsTheOldestIdsOnceTheRememberedOnesWeighTooMuch() {
		long aShortId = ProcessedEvents.ID_OVERHEAD + 2;
		long aLongId = ProcessedEvents.ID_OVERHEAD + 2 * 1_000;
		ProcessedEvents processed = new ProcessedEvents(100, aShortId + 2 * aLongId);
		processed.add("a");
		processed.add("b");
		processed.add("c");
		processed.add("x".repeat(1_000));
		assertThat(processed.bytes()).isEqualTo(3 * aShortId + aLongId);

		processed.add("y".repeat(1_000));

		assertThat(processed.contains("a")).isFalse();
		assertThat(processed.contains("b")).isFalse();
		assertThat(processed.contains("c")).isTrue();
		assertThat(processed.contains("x".repeat(1_000))).isTrue();
		assertThat(processed.contains("y".repeat(1_000))).isTrue();
		assertThat(processed.bytes()).isEqualTo(aShortId + 2 * aLongId);
	}

	@Test
	void anIdAddedTwiceCountsOnce() {
		ProcessedEvents processed = new ProcessedEvents(100, Long.MAX_VALUE);
		processed.add("a");
		processed.add("a");

		assertThat(processed.bytes()).isEqualTo(ProcessedEvents.ID_OVERHEAD + 2);
	}

}
