package io.eventsuite.events.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTests {

	@Test
	void idsAreVersion7UuidsThatCarryTheirMillisecond() {
		long millis = 1_795_400_000_123L;

		UUID id = EventIds.next(millis, ThreadLocalRandom.current());

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
	}

	@Test
	void idsAreUniqueAcrossThreadsAndSortByTime() {
		List<String> ids = IntStream.range(0, 8)
			.parallel()
			.boxed()
			.flatMap((thread) -> IntStream.range(0, 50_000).mapToObj((i) -> EventIds.next()))
			.toList();
		Set<String> distinct = new HashSet<>(ids);
		assertThat(distinct).hasSize(ids.size());

		UUID earlier = EventIds.next(1_000, ThreadLocalRandom.current());
		UUID later = EventIds.next(1_001, ThreadLocalRandom.current());
		assertThat(earlier.toString()).isLessThan(later.toString());
		assertThat(UUID.fromString(EventIds.next()).version()).isEqualTo(7);
	}

}
