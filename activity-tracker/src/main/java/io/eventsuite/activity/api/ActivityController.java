package io.eventsuite.activity.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.activity.messaging.ActivityPublisher;

/**
 * Records user activity. Unlike the order API, the answer does not wait for the broker:
 * {@code 202} means the events are in the producer's buffer, which is what loss-tolerant
 * telemetry needs and what keeps a batch of hundreds of events cheap. Only a producer
 * that refuses events at once (buffer full, broker unknown) turns into {@code 503}.
 */
@RestController
@RequestMapping(path = "/api/activity", produces = MediaType.APPLICATION_JSON_VALUE)
class ActivityController {

	private final ActivityPublisher publisher;

	private final ActivityProperties properties;

	private final Clock clock;

	ActivityController(ActivityPublisher publisher, ActivityProperties properties) {
		this.publisher = publisher;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ActivityAcceptedResponse> record(@Valid @RequestBody RecordActivityRequest request) {
		return accepted(List.of(request));
	}

	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ActivityAcceptedResponse> recordBatch(
			@RequestBody @NotEmpty List<@NotNull @Valid RecordActivityRequest> batch) {
		if (batch.size() > this.properties.maxBatchSize()) {
			throw new BatchTooLargeException(batch.size(), this.properties.maxBatchSize());
		}
		return accepted(batch);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> batchTooLarge(BatchTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Batch too large");
		problem.setType(URI.create("https://eventsuite.io/problems/batch-too-large"));
		problem.setProperty("maxBatchSize", ex.maxBatchSize());
		problem.setProperty("batchSize", ex.batchSize());
		return ResponseEntity.badRequest().body(problem);
	}

	private ResponseEntity<ActivityAcceptedResponse> accepted(List<RecordActivityRequest> requests) {
		Instant receivedAt = this.clock.instant();
		int accepted = this.publisher.publish(requests.stream().map((request) -> request.toEvent(receivedAt)).toList());
		return ResponseEntity.accepted().body(new ActivityAcceptedResponse(accepted));
	}

}
