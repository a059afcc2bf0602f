package io.eventsuite.notification.live;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a listener reads back on start is history, what comes after it news: marked by
 * offset, on a real broker.
 */
@KafkaIntegrationTest
class NewsMarksIntegrationTests {

	@Autowired
	ConsumerFactory<?, ?> consumerFactory;

	@Test
	void recordsBeforeTheMarkAreHistoryAndFromItOnNews() {
		String topic = "news-marks-" + UUID.randomUUID();
		EventWriter.ensureTopic(topic);
		NewsMarks marks = new NewsMarks(this.consumerFactory);
		// One room, one partition: the three records share it.
		try (EventWriter writer = EventWriter.as("/test"); TopicReader reader = TopicReader.of(topic)) {
			writer.write(topic, message("before"));
			writer.write(topic, message("before, too"));
			marks.mark(topic);
			writer.write(topic, message("after"));

			List<ConsumerRecord<String, CloudEvent<DomainEvent>>> read = reader.awaitRecords(3, (r) -> true);
			assertThat(read).extracting(marks::isNews).containsExactly(false, false, true);
		}
	}

	@Test
	void withoutTheBrokersEndOffsetsTheRecordsTimestampDecides() {
		Instant markedAt = Instant.parse("2026-11-25T10:00:00Z");
		// Nothing listens on port 1: the broker cannot be asked.
		ConsumerFactory<String, String> unreachable = new DefaultKafkaConsumerFactory<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"), new StringDeserializer(),
				new StringDeserializer());
		NewsMarks marks = new NewsMarks(unreachable, Clock.fixed(markedAt, ZoneOffset.UTC));
		marks.mark("chat-messages");

		assertThat(marks.isNews(stamped("chat-messages", markedAt.minusMillis(1)))).isFalse();
		assertThat(marks.isNews(stamped("chat-messages", markedAt))).isTrue();
	}

	private static ConsumerRecord<String, String> stamped(String topic, Instant timestamp) {
		return new ConsumerRecord<>(topic, 0, 42, timestamp.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, "k", "v",
				new RecordHeaders(), Optional.empty());
	}

	private static ChatMessageSent message(String text) {
		return new ChatMessageSent(UUID.randomUUID(), "room", "s", text, Instant.now());
	}

}
