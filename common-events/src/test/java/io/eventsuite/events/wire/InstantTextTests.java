package io.eventsuite.events.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.SampleEvents;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTests {

	private static final long FIRST_FOUR_DIGIT_YEAR = -62_167_219_200L;

	private static final long LAST_FOUR_DIGIT_YEAR = 253_402_300_799L;

	@Test
	void writesWhatInstantToStringWrites() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 200_000; i++) {
			// A day beyond each end of the four-digit years, where format falls back.
			Instant instant = randomInstant(random, i, FIRST_FOUR_DIGIT_YEAR - 86_400, LAST_FOUR_DIGIT_YEAR + 86_400);
			assertThat(InstantText.format(instant)).as("%s", instant).isEqualTo(instant.toString());
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

	@Test
	void readsWhatItWritesWithoutFallingBackToInstantParse() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 200_000; i++) {
			Instant instant = randomInstant(random, i, FIRST_FOUR_DIGIT_YEAR, LAST_FOUR_DIGIT_YEAR);
			String text = InstantText.format(instant);
			assertThat(InstantText.parseCommonForm(text)).as(text).isEqualTo(instant);
		}
	}

	@Test
	void readsEveryTextAsInstantParseDoesOrRejectsItAsInstantParseDoes() {
		for (String text : new String[] { "2024-02-29T23:59:59.5Z", "2024-02-29T23:59:59.12Z",
				"2024-02-29T23:59:59.1234Z", "2024-02-29T23:59:59.12345678Z", "2024-02-29T23:59:59.123456789Z",
				"1900-03-01T00:00:00Z", "2000-03-01T00:00:00Z", "0000-02-29T00:00:00Z", "1969-12-31T23:59:59Z",
				"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
				"2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z",
				"2016-12-31T23:59:60Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z",
				"2024-01-01T00:00:00+01:00", "2024-01-01t00:00:00z", "2024-01-01T00:00:00", "+10000-01-01T00:00:00Z",
				"-0001-12-31T23:59:59Z", "2024-1-01T00:00:00Z", "2024-01-01T00:00:0aZ", "2024-01-01T00:00:00,5Z",
				"2024-01-01 00:00:00Z", "" }) {
			assertThat(outcome(() -> InstantText.parse(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
		}
	}

	@Test
	void theEventMappingReadsInstantsAsJacksonsOwnDeserializerDoes() {
		JsonMapper plain = JsonMapper.builder().build();
		for (String json : new String[] { "\"2026-11-23T02:14:39.882Z\"", "\"2026-11-23T02:14:39Z\"",
				"\"2026-11-23T03:14:39.882+01:00\"", "1795410738.5", "1795410738" }) {
			assertThat(EventJson.MAPPER.readValue(json, Instant.class)).as(json)
				.isEqualTo(plain.readValue(json, Instant.class));
		}
		for (DomainEvent event : SampleEvents.all()) {
			byte[] json = plain.writeValueAsBytes(event);
			assertThat(EventJson.MAPPER.readValue(json, event.getClass())).isEqualTo(event);
		}
	}

	// Between the two seconds, inclusive; the fraction cycles through none,
	// milliseconds, microseconds and nanoseconds, the four forms Instant.toString writes.
	private static Instant randomInstant(SplittableRandom random, int i, long firstSecond, long lastSecond) {
		int nano = switch (i % 4) {
			case 0 -> 0;
			case 1 -> random.nextInt(1000) * 1_000_000;
			case 2 -> random.nextInt(1_000_000) * 1_000;
			default -> random.nextInt(1_000_000_000);
		};
		return Instant.ofEpochSecond(random.nextLong(firstSecond, lastSecond + 1), nano);
	}

	// The instant read, or the kind of failure.
	private static Object outcome(Supplier<Instant> parse) {
		try {
			return parse.get();
		}
		catch (DateTimeException ex) {
			return ex.getClass();
		}
	}

}
