package io.eventsuite.notification.live;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live stream settings.
 *
 * @param streamTimeout how long an SSE connection stays open; a browser's EventSource
 * reconnects by itself
 * @param heartbeat how often idle streams get a comment
 * @param clientBacklog the most events queued for one client: a client that falls this
 * far behind (it stopped reading) is dropped, and its browser reconnects with
 * {@code Last-Event-ID}; far above a burst a listener's poll brings, and above what a
 * resuming client is given at once (the histories keep 100 per room, 50 per user). A
 * queued event costs a client a reference.
 */
@ConfigurationProperties("eventsuite.live")
@Validated
record LiveProperties(@DefaultValue("30m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("10000") @Min(1000) int clientBacklog) {
}
