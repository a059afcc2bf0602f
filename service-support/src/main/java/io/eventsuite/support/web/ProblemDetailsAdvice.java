package io.eventsuite.support.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.eventsuite.support.kafka.PartlyPublishedException;
import io.eventsuite.support.kafka.PublishFailedException;
import io.eventsuite.support.streams.StateUnavailableException;

/**
 * Every error as {@code application/problem+json}: Spring MVC's own errors (malformed
 * JSON, wrong content type, unknown path) as Spring words them, invalid fields listed one
 * by one, a broker outage as {@code 503} with {@code Retry-After}, and anything
 * unexpected as a {@code 500} that names no internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** Seconds a client should wait before retrying after a broker outage. */
	static final String RETRY_AFTER_SECONDS = "5";

	/**
	 * Seconds a client should wait before reading state again: restores and rebalances of
	 * these small stores take seconds.
	 */
	static final String STATE_RETRY_AFTER_SECONDS = "1";

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(InvalidField::of)
			.sorted(Comparator.comparing(InvalidField::field))
			.toList();
		return invalid(fields, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A validated request body shows up here as ParameterErrors whenever another
		// parameter of the same method
		// (a header, a path variable) carries a constraint too, and each element of a
		// validated list body as its own
		// result with a container index: name the fields as paths into the body, such as
		// [3].userId.
		List<InvalidField> fields = ex.getParameterValidationResults().stream().flatMap((result) -> {
			String element = (result.getContainerIndex() != null) ? "[" + result.getContainerIndex() + "]" : null;
			if (result instanceof ParameterErrors errors) {
				return errors.getFieldErrors()
					.stream()
					.map((error) -> new InvalidField(
							(element != null) ? element + "." + error.getField() : error.getField(),
							error.getDefaultMessage()));
			}
			return result.getResolvableErrors()
				.stream()
				.map((error) -> new InvalidField((element != null) ? element : parameterName(result),
						error.getDefaultMessage()));
		}).sorted(Comparator.comparing(InvalidField::field)).toList();
		return invalid(fields, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLargeException tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			return handleExceptionInternal(ex, problem(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> publishFailed(PublishFailedException ex) {
		if (!ex.isTransient()) {
			log.error("Publishing failed for good", ex);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The event could not be published");
			if (ex instanceof PartlyPublishedException partly) {
				problem.setProperty("accepted", partly.getAccepted());
			}
			return ResponseEntity.internalServerError().body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				// Not "nothing was written": a timed-out delivery may have reached the
				// broker all the same.
				"The event broker did not confirm the event in time, so it may not have been written; retry later");
		if (ex instanceof PartlyPublishedException partly) {
			problem.setDetail("The producer refused the batch from event [" + partly.getAccepted()
					+ "] on (its buffer was full, or it found no broker in time); the events before it were"
					+ " accepted: send the rest again later");
			problem.setProperty("accepted", partly.getAccepted());
		}
		problem.setTitle("Broker unavailable");
		problem.setType(URI.create("https://eventsuite.io/problems/broker-unavailable"));
		problem.setProperty("topic", ex.getTopic());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateUnavailable(StateUnavailableException ex) {
		// DEBUG: during a rebalance every read lands here, and that is expected.
		log.debug("State not readable now: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The state that answers this request is being restored, rebalanced or caught up; retry shortly");
		problem.setTitle("State unavailable");
		problem.setType(URI.create("https://eventsuite.io/problems/state-unavailable"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, STATE_RETRY_AFTER_SECONDS)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		// A chunked body that grows too large while the parser is between values, or in a
		// property it skips, reaches here unwrapped, or wrapped in something else than
		// HttpMessageNotReadableException.
		RequestBodyTooLargeException tooLarge = tooLarge(ex);
		if (tooLarge != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(tooLarge));
		}
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred"));
	}

	private static RequestBodyTooLargeException tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

	private static ProblemDetail problem(RequestBodyTooLargeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
	}

	private static String parameterName(ParameterValidationResult result) {
		RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		return String.valueOf(result.getMethodParameter().getParameterName());
	}

	private ResponseEntity<Object> invalid(List<InvalidField> fields, HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid request: " + String.join("; ", fields.stream().map(InvalidField::describe).toList()));
		problem.setTitle("Invalid request");
		problem.setType(URI.create("https://eventsuite.io/problems/invalid-request"));
		problem.setProperty("errors", fields.stream().map(InvalidField::asMap).toList());
		return handleExceptionInternal(new IllegalArgumentException(problem.getDetail()), problem, headers,
				HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * One field that failed validation.
	 *
	 * @param field the JSON path of the field, for example {@code items[0].quantity}
	 * @param message what is wrong with it
	 */
	record InvalidField(String field, String message) {

		static InvalidField of(FieldError error) {
			return new InvalidField(error.getField(), error.getDefaultMessage());
		}

		String describe() {
			return this.field + " " + this.message;
		}

		Map<String, String> asMap() {
			return Map.of("field", this.field, "message", String.valueOf(this.message));
		}

	}

}
