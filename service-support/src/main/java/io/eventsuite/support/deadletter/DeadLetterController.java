package io.eventsuite.support.deadletter;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.events.EventTopic;
import io.eventsuite.events.Topics;

/**
 * {@code POST /admin/dead-letters/{topic}/replay}: re-inject a topic's dead letters after
 * the cause was fixed. An operator's tool: keep {@code /admin} behind your gateway's
 * authentication.
 */
@RestController
public class DeadLetterController {

	private final DeadLetterReplay replay;

	public DeadLetterController(DeadLetterReplay replay) {
		this.replay = replay;
	}

	@PostMapping("/admin/dead-letters/{topic}/replay")
	ResponseEntity<?> replay(@PathVariable String topic) {
		Optional<EventTopic<?>> contractTopic = Topics.ALL.stream()
			.filter((candidate) -> candidate.defaultName().equals(topic))
			.findFirst();
		if (contractTopic.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No topic " + topic + " in the contract"));
		}
		return ResponseEntity.ok(this.replay.replay(contractTopic.get()));
	}

}
