package io.eventsuite.notification.chat;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of each room's history an instance keeps in memory: what a reconnecting client
 * catches up from and what {@code GET .../messages} lists.
 *
 * @param perRoom the most recent messages kept per room
 * @param maxRooms the most rooms kept; the least recently used are forgotten first
 * @param maxMessages the most messages kept, all rooms together (about 360 bytes of heap
 * each plus the text: one byte a character in Latin-1, two beyond, four for an emoji;
 * 10,000 messages of 2,000 characters took 24, 44 and 85 MB)
 * @param replay how far back an instance reads {@code chat-messages} when it starts
 */
@ConfigurationProperties("eventsuite.chat.history")
@Validated
record ChatHistoryProperties(@DefaultValue("100") @Min(1) int perRoom, @DefaultValue("1000") @Min(1) int maxRooms,
		@DefaultValue("5000") @Min(1) int maxMessages, @DefaultValue("1h") Duration replay) {
}
