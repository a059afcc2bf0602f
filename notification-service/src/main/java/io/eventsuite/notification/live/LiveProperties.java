package io.eventsuite.notification.live;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Live stream settings.
 *
 * @param streamTimeout how long an SSE connection stays open; a browser's EventSource
 * reconnects by itself
 * @param heartbeat how often idle streams get a comment
 * @param clientBacklog the most events queued for one client: a client that falls this
 * far behind (it stopped reading) is dropped, and its browser reconnects with
 * {@code Last-Event-ID}; far above a burst a listener's poll brings. What a resuming
 * client is given at once does not count. A queued event costs a client a reference.
 * @param clientBacklogSize the most bytes of events queued for one client, as
 * {@link HeapWeights} counts them: what a client that stopped reading keeps alive (a chat
 * message of 2,000 emoji counts about 8 KB, one of 100 Latin-1 characters about 800
 * bytes)
 */
@ConfigurationProperties("eventsuite.live")
@Validated
record LiveProperties(@DefaultValue("30m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("10000") @Min(1000) int clientBacklog, @DefaultValue("4MB") DataSize clientBacklogSize) {

	LiveProperties {
		if (clientBacklogSize.toBytes() < 64 * 1024) {
			throw new IllegalArgumentException("eventsuite.live.client-backlog-size must be at least 64KB");
		}
	}

	SseBroadcaster.Backlog backlog() {
		return new SseBroadcaster.Backlog(this.clientBacklog, this.clientBacklogSize.toBytes());
	}

}
