package io.eventsuite.notification.live;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the heartbeat of every live stream.
 */
@Component
class Heartbeat {

	private final SseBroadcaster broadcaster;

	Heartbeat(SseBroadcaster broadcaster) {
		this.broadcaster = broadcaster;
	}

	@Scheduled(fixedDelayString = "${eventsuite.live.heartbeat:15s}")
	void beat() {
		this.broadcaster.heartbeat();
	}

}
