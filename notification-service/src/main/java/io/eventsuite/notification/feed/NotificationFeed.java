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
import io.eventsuite.notification.live.HeapWeights;
import io.eventsuite.notification.live.NewsMarks;
import io.eventsuite.notification.live.RecentEvents;
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

	private final RecentEvents<NotificationSent> recent;

	private final FeedProperties properties;

	private final NewsMarks news;

	private final Clock clock = Clock.systemUTC();

	NotificationFeed(SseBroadcaster broadcaster, FeedProperties properties, NewsMarks news) {
		this.broadcaster = broadcaster;
		this.properties = properties;
		// Marked by the partition finder as this listener is set up.
		this.news = news;
		this.recent = new RecentEvents<>(properties.limits(), NotificationSent::notificationId,
				NotificationFeed::weight);
	}

	@KafkaListener(id = "notification-feed", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = "#{@eventTopics.name('notifications')}",
					partitions = "#{@partitionFinder.partitions('notifications')}"))
	void on(ConsumerRecord<String, CloudEvent<DomainEvent>> record) {
		if (record.value().data() instanceof NotificationSent notification) {
			// Any producer may write to notifications: what breaks the contract's limits
			// would also break the recent lists' bound on memory. Not retried: the
			// listener dead-letters it.
			if (!notification.withinLimits()) {
				throw new IllegalArgumentException(
						"A notification over its contract's limits (user id " + notification.userId().length()
								+ ", title " + notification.title().length() + ", body " + notification.body().length()
								+ ", source event id " + notification.sourceEventId().length() + " UTF-16 units)");
			}
			String userId = notification.userId();
			// Read back on start, it is history, not news.
			boolean news = this.news.isNews(record);
			this.broadcaster.inOrder(streamKey(userId), () -> {
				if (this.recent.add(userId, notification) && news) {
					this.broadcaster.broadcast(streamKey(userId), event(notification));
				}
			});
		}
		this.news.handled(record);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(),
				this.clock.instant().minus(this.properties.replay()).toEpochMilli());
	}

	/**
	 * A partition with no record for a moment: where it stands tells whether it is read
	 * back.
	 */
	@Override
	public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		this.news.quiet(assignments);
	}

	List<NotificationSent> recent(String userId) {
		return this.recent.of(userId);
	}

	/**
	 * Connects a client to a user's stream.
	 * @param userId the user
	 * @param lastEventId the id of the last notification the client saw, from
	 * {@code Last-Event-ID}; {@code null} or blank for a client that wants only what
	 * comes next
	 * @return the emitter
	 */
	SseEmitter stream(String userId, String lastEventId) {
		return this.broadcaster.subscribe(streamKey(userId), () -> SseBroadcaster.resumes(lastEventId)
				? this.recent.after(userId, lastEventId).stream().map(NotificationFeed::event).toList() : List.of());
	}

	/**
	 * What a kept notification holds besides its texts: the record, its id and time, and
	 * its entries in the history.
	 */
	static long weight(NotificationSent notification) {
		return HeapWeights.of(320, notification.userId(), notification.title(), notification.body(),
				notification.sourceEventId());
	}

	private static SseBroadcaster.Event event(NotificationSent notification) {
		return new SseBroadcaster.Event("notification", notification.notificationId().toString(), notification);
	}

	private static String streamKey(String userId) {
		return "user:" + userId;
	}

}
