package io.eventsuite.notification.feed;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import io.eventsuite.notification.live.RecentEvents;

/**
 * How much of the notification history an instance keeps in memory.
 *
 * @param perUser the most recent notifications kept per user
 * @param maxUsers the most users kept; the least recently notified are forgotten first
 * @param maxNotifications the most notifications kept, all users together (about 400
 * bytes of heap each); the least recently notified users are forgotten first
 * @param maxSize the most heap the kept notifications take, all users together, as
 * {@link io.eventsuite.notification.live.HeapWeights} estimates it from above (a
 * notification with short texts counts about 800 bytes); the bound that holds when other
 * producers write notifications with texts up to the contract's limits
 * @param replay how far back an instance reads {@code notifications} when it starts, to
 * know recent ones
 */
@ConfigurationProperties("eventsuite.notifications.recent")
@Validated
record FeedProperties(@DefaultValue("50") @Min(1) int perUser, @DefaultValue("10000") @Min(1) int maxUsers,
		@DefaultValue("50000") @Min(1) int maxNotifications, @DefaultValue("48MB") DataSize maxSize,
		@DefaultValue("1h") Duration replay) {

	FeedProperties {
		if (maxSize.toBytes() < 1) {
			throw new IllegalArgumentException("eventsuite.notifications.recent.max-size must be positive");
		}
	}

	RecentEvents.Limits limits() {
		return new RecentEvents.Limits(this.perUser, this.maxUsers, this.maxNotifications, this.maxSize.toBytes());
	}

}
