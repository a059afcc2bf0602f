package io.eventsuite.support.streams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.events.wire.EventJson;

/**
 * {@code GET /internal/state/{store}?key=...}: how instances ask the host of a key for
 * its value; {@code &partitions=0,3} asks for the merged parts of those partitions of a
 * store {@linkplain QueryableStore#spreadOver spread over} its partitions. The key
 * travels as a query parameter, so that any key (spaces, {@code +}, {@code /}) arrives as
 * it was sent. Answers only from this instance's own store: {@code 200} with the value as
 * JSON, {@code 204} when the store has no value for the key, {@code 503} when this
 * instance does not host the key or one of the partitions (any more). With
 * {@code eventsuite.streams.internal-token} set, a request without that token in the
 * {@value StateQueries#TOKEN_HEADER} header is {@code 403}; keep {@code /internal} off
 * your public gateway as well.
 */
@RestController
class InternalStateController {

	private final StateQueries queries;

	private final String token;

	InternalStateController(StateQueries queries, String token) {
		this.queries = queries;
		this.token = token;
	}

	@GetMapping(StateQueries.INTERNAL_PATH + "{store}")
	ResponseEntity<?> find(@PathVariable String store, @RequestParam String key,
			@RequestParam(required = false) List<Integer> partitions,
			@RequestHeader(name = StateQueries.TOKEN_HEADER, required = false) String presented) {
		if (StringUtils.hasText(this.token) && !MessageDigest.isEqual(bytes(this.token), bytes(presented))) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Instances only"));
		}
		Optional<?> value = (partitions != null) ? this.queries.findHere(store, key, partitions)
				: this.queries.findHere(store, key);
		if (value.isEmpty()) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(EventJson.MAPPER.writeValueAsBytes(value.get()));
	}

	private static byte[] bytes(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownStore(IllegalArgumentException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

}
