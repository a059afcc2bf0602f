package io.eventsuite.events.wire;

import java.time.Instant;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The one JSON mapping of the contract: camelCase fields, ISO-8601 instants, money as
 * exact decimals.
 */
public final class EventJson {

	/**
	 * Shared and thread-safe. Unknown fields are ignored so that a producer may add a
	 * field without breaking consumers that do not know it yet; removing or renaming a
	 * field needs a new type version instead.
	 */
	public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
		// A buffer recycler per thread, Jackson 2's default: Jackson 3's, one concurrent
		// deque for all threads, took about 4% of the publishing thread's samples in the
		// producer benchmark, taking and returning the buffers of every event. The suite
		// runs on platform threads only (Java 17); on virtual threads, which a pool per
		// thread would never serve twice, the default is the right one.
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addModule(new SimpleModule("eventsuite-instants").addSerializer(Instant.class, new InstantTextSerializer())
			.addDeserializer(Instant.class, new InstantTextDeserializer()))
		.build();

	private EventJson() {
	}

	/**
	 * Instants as {@link InstantText} writes them: the same text as Jackson's own
	 * serializer, at a fraction of the cost.
	 */
	private static final class InstantTextSerializer extends StdSerializer<Instant> {

		InstantTextSerializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(InstantText.format(value));
		}

	}

	/**
	 * Instants as {@link InstantText} reads them: the form every event is written in
	 * directly, anything else (numbers, offsets) through Jackson's own deserializer.
	 */
	private static final class InstantTextDeserializer extends StdDeserializer<Instant> {

		private final ValueDeserializer<Instant> standard = InstantDeserializer.INSTANT;

		InstantTextDeserializer() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				Instant instant = InstantText.parseCommonForm(parser.getString());
				if (instant != null) {
					return instant;
				}
			}
			return this.standard.deserialize(parser, context);
		}

	}

}
