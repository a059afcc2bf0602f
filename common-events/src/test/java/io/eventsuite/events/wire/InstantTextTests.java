package io.eventsuite.events.wire;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.SampleEvents;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTests {

	@Test
	void writesWhatInstantToStringWrites() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 200_000; i++) {
			long seconds = random.nextLong(-62_167_219_200L - 86_400, 253_402_300_799L + 86_400);
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nano);
			assertThat(InstantText.format(instant)).as("%d s %d ns", seconds, nano).isEqualTo(instant.toString());
		}
	}

	@Test
	void writesTheEdgesOfEachFieldAsInstantToStringDoes() {
		for (String text : new String[] { "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
				"2000-02-29T12:00:00.100Z", "2024-12-31T23:59:59.000001Z", "0000-01-01T00:00:00Z",
				"9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z" }) {
			Instant instant = Instant.parse(text);
			assertThat(InstantText.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
		}
	}

	@Test
	void theEventMappingWritesInstantsAsJacksonsOwnSerializerDoes() {
		Instant instant = Instant.parse("2026-11-23T02:14:39.882Z");
		JsonMapper plain = JsonMapper.builder().build();

		assertThat(EventJson.MAPPER.writeValueAsString(instant)).isEqualTo(plain.writeValueAsString(instant))
			.isEqualTo("\"2026-11-23T02:14:39.882Z\"");
		for (DomainEvent event : SampleEvents.all()) {
			assertThat(EventJson.MAPPER.writeValueAsString(event)).isEqualTo(plain.writeValueAsString(event));
		}
	}

}
