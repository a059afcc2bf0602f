package io.eventsuite.notification.feed;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the notification history an instance keeps in memory.
 *
 * @param perUser the most recent notifications kept per user
 * @param maxUsers the most users kept; the least recently notified are forgotten first
 * @param maxNotifications the most notifications kept, all users together (about 400
 * bytes of heap each); the least recently notified users are forgotten first
 * @param replay how far back an instance reads {@code notifications} when it starts, to
 * know recent ones
 */
@ConfigurationProperties("eventsuite.notifications.recent")
@Validated
record FeedProperties(@DefaultValue("50") @Min(1) int perUser, @DefaultValue("10000") @Min(1) int maxUsers,
		@DefaultValue("50000") @Min(1) int maxNotifications, @DefaultValue("1h") Duration replay) {
}
