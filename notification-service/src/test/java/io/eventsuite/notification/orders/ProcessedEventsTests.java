package io.eventsuite.notification.orders;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessedEventsTests {

	@Test
	void remembersRecentIdsAndForgetsTheOldestBeyondItsCapacity() {
		ProcessedEvents processed = new ProcessedEvents(2);
		processed.add("a");
		processed.add("b");
		processed.add("c");

		assertThat(processed.contains("a")).isFalse();
		assertThat(processed.contains("b")).isTrue();
		assertThat(processed.contains("c")).isTrue();
	}

}
