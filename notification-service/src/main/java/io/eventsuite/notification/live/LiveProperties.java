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
 * {@code Last-Event-ID}
 */
@ConfigurationProperties("eventsuite.live")
@Validated
record LiveProperties(@DefaultValue("30m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("1000") @Min(1) int clientBacklog) {
}
