package io.eventsuite.support.web;

import org.springframework.util.unit.DataSize;

/**
 * A request body passed the configured limit while it was being read.
 */
public class RequestBodyTooLargeException extends RuntimeException {

	public RequestBodyTooLargeException(DataSize limit) {
		super("Request body exceeds " + limit.toKilobytes() + " KB");
	}

}
