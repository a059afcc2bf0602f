package io.eventsuite.notification.feed;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.notification.live.SseBroadcaster;

/**
 * Reads every partition of {@code notifications} on every instance (no consumer group),
 * keeps each user's recent notifications and pushes new ones to the user's live clients
 * on this instance. On start it reads back the configured replay window, so that a fresh
 * instance knows recent notifications too.
 */
@Component
class NotificationFeed implements ConsumerSeekAware {

	private final SseBroadcaster broadcaster;

	private final RecentNotifications recent;

	private final FeedProperties properties;

	private final Clock clock = Clock.systemUTC();

	NotificationFeed(SseBroadcaster broadcaster, FeedProperties properties) {
		this.broadcaster = broadcaster;
		this.properties = properties;
		this.recent = new RecentNotifications(properties.perUser(), properties.maxUsers(),
				properties.maxNotifications());
	}

	@KafkaListener(id = "notification-feed", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = "#{@eventTopics.name('notifications')}",
					partitions = "#{@partitionFinder.partitions('notifications')}"))
	void on(ConsumerRecord<String, CloudEvent<DomainEvent>> record) {
		if (record.value().data() instanceof NotificationSent notification && this.recent.add(notification)) {
			this.broadcaster.broadcast(streamKey(notification.userId()), "notification",
					notification.notificationId().toString(), notification);
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(),
				this.clock.instant().minus(this.properties.replay()).toEpochMilli());
	}

	List<NotificationSent> recent(String userId) {
		return this.recent.of(userId);
	}

	SseEmitter stream(String userId) {
		return this.broadcaster.subscribe(streamKey(userId));
	}

	private static String streamKey(String userId) {
		return "user:" + userId;
	}

}
