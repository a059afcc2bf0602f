package io.eventsuite.notification.chat;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.notification.live.SseBroadcaster;

/**
 * Reads every partition of {@code chat-messages} on every instance (no consumer group)
 * and pushes each message to the room's live clients on this instance. It starts at the
 * end: a stream shows what is said from now on.
 */
@Component
class ChatRoomsListener implements ConsumerSeekAware {

	private final SseBroadcaster broadcaster;

	private final long startedAt = System.currentTimeMillis();

	ChatRoomsListener(SseBroadcaster broadcaster) {
		this.broadcaster = broadcaster;
	}

	@KafkaListener(id = "chat-rooms", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(
					topic = "#{@eventTopics.name('chat-messages')}",
					partitions = "#{@partitionFinder.partitions('chat-messages')}"))
	void on(ConsumerRecord<String, CloudEvent<DomainEvent>> record) {
		if (record.value().data() instanceof ChatMessageSent message) {
			this.broadcaster.broadcast(ChatRooms.streamKey(message.roomId()), "chat-message", record.value().id(),
					message);
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), this.startedAt);
	}

}
