package io.eventsuite.notification.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stream settings.
 *
 * @param streamTimeout how long an SSE connection stays open; a browser's EventSource
 * reconnects by itself
 * @param heartbeat how often idle streams get a comment
 */
@ConfigurationProperties("eventsuite.live")
record LiveProperties(@DefaultValue("30m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat) {
}
