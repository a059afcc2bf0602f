package io.eventsuite.events;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;

class LengthsTests {

	private static final String EMOJI = "\uD83D\uDE00";

	@Test
	void countsCharactersAsTheSchemasDoNotUtf16Units() {
		assertThat(Lengths.within(EMOJI.repeat(3), 3)).isTrue();
		assertThat(Lengths.within(EMOJI.repeat(4), 3)).isFalse();
		assertThat(Lengths.within("abc", 3)).isTrue();
		assertThat(Lengths.within("abcd", 3)).isFalse();
	}

	@Test
	void aChatMessageIsWithinItsLimitsUpToTheLastCharacterOfEachField() {
		assertThat(chat("r".repeat(64), EMOJI.repeat(ChatMessageSent.MAX_TEXT)).withinLimits()).isTrue();
		assertThat(chat("r".repeat(65), "hi").withinLimits()).isFalse();
		assertThat(chat("r", EMOJI.repeat(ChatMessageSent.MAX_TEXT + 1)).withinLimits()).isFalse();
	}

	@Test
	void aNotificationIsWithinItsLimitsUpToTheLastCharacterOfEachField() {
		assertThat(notification("b".repeat(NotificationSent.MAX_BODY), "e".repeat(NotificationSent.MAX_SOURCE_EVENT_ID))
			.withinLimits()).isTrue();
		assertThat(notification("b".repeat(NotificationSent.MAX_BODY + 1), "e").withinLimits()).isFalse();
		assertThat(notification("b", "e".repeat(NotificationSent.MAX_SOURCE_EVENT_ID + 1)).withinLimits()).isFalse();
	}

	private static ChatMessageSent chat(String roomId, String text) {
		return new ChatMessageSent(UUID.randomUUID(), roomId, "s", text, Instant.now());
	}

	private static NotificationSent notification(String body, String sourceEventId) {
		return new NotificationSent(UUID.randomUUID(), "u", NotificationKind.ORDER_PLACED, "t", body, sourceEventId,
				Instant.now());
	}

}
