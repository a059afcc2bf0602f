package io.eventsuite.notification.feed;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.eventsuite.events.notification.NotificationSent;

/**
 * A user's notifications: the recent ones, and a live stream as Server-Sent Events. A
 * browser's {@code EventSource} that reconnects sends the id of the last event it saw in
 * {@code Last-Event-ID}, and gets what it missed first.
 */
@RestController
@RequestMapping("/api/notifications/{userId}")
class NotificationController {

	private static final String USER_ID = "[A-Za-z0-9._@-]{1,64}";

	private final NotificationFeed feed;

	NotificationController(NotificationFeed feed) {
		this.feed = feed;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	List<NotificationSent> recent(@PathVariable @Pattern(regexp = USER_ID) String userId) {
		return this.feed.recent(userId);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable @Pattern(regexp = USER_ID) String userId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		return this.feed.stream(userId, lastEventId);
	}

}
