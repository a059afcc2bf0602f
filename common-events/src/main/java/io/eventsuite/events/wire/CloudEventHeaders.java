package io.eventsuite.events.wire;

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

	private CloudEventHeaders() {
	}

}
