package io.eventsuite.notification.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.notification.live.NewsMarks;

/**
 * Reads every partition of {@code chat-messages} on every instance (no consumer group)
 * and hands each message to the room on this instance. On start it reads back the
 * configured replay window, so that a fresh instance knows each room's recent messages
 * too; those it keeps, but does not stream as news.
 */
@Component
class ChatRoomsListener implements ConsumerSeekAware {

	private final ChatRooms rooms;

	private final Duration replay;

	private final NewsMarks news;

	private final Clock clock = Clock.systemUTC();

	ChatRoomsListener(ChatRooms rooms, ChatHistoryProperties properties, NewsMarks news) {
		this.rooms = rooms;
		this.replay = properties.replay();
		// Marked by the partition finder as this listener is set up.
		this.news = news;
	}

	@KafkaListener(id = "chat-rooms", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = "#{@eventTopics.name('chat-messages')}",
					partitions = "#{@partitionFinder.partitions('chat-messages')}"))
	void on(ConsumerRecord<String, CloudEvent<DomainEvent>> record) {
		if (record.value().data() instanceof ChatMessageSent message) {
			this.rooms.deliver(record.value().id(), message, this.news.isNews(record));
		}
		this.news.handled(record);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), this.clock.instant().minus(this.replay).toEpochMilli());
	}

	/**
	 * A partition with no record for a moment: where it stands tells whether it is read
	 * back.
	 */
	@Override
	public void onIdleContainer(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		this.news.quiet(assignments);
	}

}
