package io.eventsuite.notification.chat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.support.web.MaxCharacters;

/**
 * Chat over HTTP: {@code 202} once the broker has the message; a room's recent messages;
 * its stream as Server-Sent Events. A browser's {@code EventSource} that reconnects sends
 * the id of the last message it saw in {@code Last-Event-ID}, and gets what it missed
 * first, from whichever instance it reaches.
 */
@RestController
@RequestMapping("/api/chat/rooms/{roomId}")
class ChatController {

	/** Room ids travel in URLs and record keys: keep them short and plain. */
	private static final String ROOM_ID = "[A-Za-z0-9._-]{1,64}";

	private final ChatRooms rooms;

	ChatController(ChatRooms rooms) {
		this.rooms = rooms;
	}

	@PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CompletableFuture<ResponseEntity<MessageAccepted>> send(@PathVariable @Pattern(regexp = ROOM_ID) String roomId,
			@Valid @RequestBody SendMessageRequest request) {
		return this.rooms.send(roomId, request.senderId(), request.text())
			.thenApply((sent) -> ResponseEntity.accepted()
				.body(new MessageAccepted(sent.messageId(), roomId, sent.delivery().partition(),
						sent.delivery().offset())));
	}

	@GetMapping(path = "/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ChatMessageSent> recent(@PathVariable @Pattern(regexp = ROOM_ID) String roomId) {
		return this.rooms.recent(roomId);
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable @Pattern(regexp = ROOM_ID) String roomId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		return this.rooms.stream(roomId, lastEventId);
	}

	/**
	 * The body of a chat message.
	 *
	 * @param senderId who says it
	 * @param text what, up to 2,000 characters
	 */
	record SendMessageRequest(@NotBlank @MaxCharacters(ChatMessageSent.MAX_SENDER_ID) String senderId,
			@NotBlank @MaxCharacters(ChatMessageSent.MAX_TEXT) String text) {
	}

	/**
	 * What the broker confirmed.
	 *
	 * @param messageId the message
	 * @param roomId the room
	 * @param partition the room's partition
	 * @param offset the message's offset in it; {@code null} with {@code acks=0}
	 */
	record MessageAccepted(UUID messageId, String roomId, int partition, Long offset) {
	}

}
