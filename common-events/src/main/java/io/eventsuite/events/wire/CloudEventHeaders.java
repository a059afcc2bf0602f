package io.eventsuite.events.wire;

import java.nio.charset.StandardCharsets;

/**
 * Header names of the CloudEvents Kafka protocol binding, binary content mode.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	/**
	 * The binding maps {@code datacontenttype} to the plain {@code content-type} header.
	 */
	public static final String CONTENT_TYPE = "content-type";

	public static final String JSON = "application/json";

	/**
	 * The {@link #SPEC_VERSION} header's one value ({@link CloudEvent#SPEC_VERSION}) as
	 * bytes, which every record carries. Shared by the serializer, whose records' headers
	 * Kafka never modifies, and the deserializer; never modified.
	 */
	static final byte[] SPEC_VERSION_BYTES = CloudEvent.SPEC_VERSION.getBytes(StandardCharsets.UTF_8);

	/** {@link #JSON} as header bytes, shared like {@link #SPEC_VERSION_BYTES}. */
	static final byte[] JSON_BYTES = JSON.getBytes(StandardCharsets.UTF_8);

	private CloudEventHeaders() {
	}

}
