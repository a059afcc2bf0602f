package io.eventsuite.activity.analytics;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.eventsuite.support.streams.StreamsSerdes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repartition topic's values across an upgrade: counts now, single views before.
 */
class PageViewCountSerdeTests {

	private final PageViewCountSerde serde = new PageViewCountSerde();

	@Test
	void writesAndReadsCounts() {
		for (long views : new long[] { 0, 1, 57, Long.MAX_VALUE }) {
			byte[] bytes = this.serde.serializer().serialize("t", views);
			assertThat(this.serde.deserializer().deserialize("t", bytes)).isEqualTo(views);
		}
	}

	@Test
	void readsAViewAsEarlierVersionsWroteItAsOneView() {
		byte[] earlier = StreamsSerdes.json(Instant.class)
			.serializer()
			.serialize("t", Instant.parse("2026-01-02T10:00:30.123Z"));

		assertThat(this.serde.deserializer().deserialize("t", earlier)).isEqualTo(1L);
	}

	@Test
	void keepsTombstones() {
		assertThat(this.serde.serializer().serialize("t", null)).isNull();
		assertThat(this.serde.deserializer().deserialize("t", null)).isNull();
	}

}
