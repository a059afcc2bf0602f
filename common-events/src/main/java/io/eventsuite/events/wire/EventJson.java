package io.eventsuite.events.wire;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private EventJson() {
	}

}
