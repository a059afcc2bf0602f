package io.eventsuite.support.streams;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.events.wire.EventJson;

/**
 * {@code GET /internal/state/{store}/{key}}: how instances ask the host of a key for its
 * value. Answers only from this instance's own store: {@code 200} with the value as JSON,
 * {@code 204} when the store has no value for the key, {@code 503} when this instance
 * does not host the key (any more). Instances only: keep {@code /internal} behind your
 * gateway.
 */
@RestController
public class InternalStateController {

	private final StateQueries queries;

	public InternalStateController(StateQueries queries) {
		this.queries = queries;
	}

	@GetMapping(StateQueries.INTERNAL_PATH + "{store}/{key}")
	ResponseEntity<byte[]> find(@PathVariable String store, @PathVariable String key) {
		Optional<?> value = this.queries.findHere(store, key);
		if (value.isEmpty()) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(EventJson.MAPPER.writeValueAsBytes(value.get()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownStore(IllegalArgumentException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

}
