package io.eventsuite.notification.chat;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import io.eventsuite.notification.live.RecentEvents;

/**
 * How much of each room's history an instance keeps in memory: what a reconnecting client
 * catches up from and what {@code GET .../messages} lists.
 *
 * @param perRoom the most recent messages kept per room
 * @param maxRooms the most rooms kept; the least recently used are forgotten first
 * @param maxMessages the most messages kept, all rooms together (about 360 bytes of heap
 * each plus the text: one byte a character in Latin-1, two beyond, four for an emoji;
 * 10,000 messages of 2,000 characters took 24, 44 and 85 MB)
 * @param maxSize the most heap the kept messages take, all rooms together, as
 * {@link io.eventsuite.notification.live.HeapWeights} estimates it from above (a message
 * of 2,000 emoji counts about 8.6 KB, one of 100 Latin-1 characters about 800 bytes)
 * @param replay how far back an instance reads {@code chat-messages} when it starts
 */
@ConfigurationProperties("eventsuite.chat.history")
@Validated
record ChatHistoryProperties(@DefaultValue("100") @Min(1) int perRoom, @DefaultValue("1000") @Min(1) int maxRooms,
		@DefaultValue("5000") @Min(1) int maxMessages, @DefaultValue("24MB") DataSize maxSize,
		@DefaultValue("1h") Duration replay) {

	ChatHistoryProperties {
		if (maxSize.toBytes() < 1) {
			throw new IllegalArgumentException("eventsuite.chat.history.max-size must be positive");
		}
	}

	RecentEvents.Limits limits() {
		return new RecentEvents.Limits(this.perRoom, this.maxRooms, this.maxMessages, this.maxSize.toBytes());
	}

}
