package io.eventsuite.notification.live;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

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
			marks.mark(IntStream.range(0, 6).mapToObj((partition) -> new TopicPartition(topic, partition)).toList());
			writer.write(topic, message("after"));

			List<ConsumerRecord<String, CloudEvent<DomainEvent>>> read = reader.awaitRecords(3, (r) -> true);
			assertThat(read).extracting(marks::isNews).containsExactly(false, false, true);
		}
	}

	private static ChatMessageSent message(String text) {
		return new ChatMessageSent(UUID.randomUUID(), "room", "s", text, Instant.now());
	}

}
