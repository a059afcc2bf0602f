package io.eventsuite.notification.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
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
 * offset, on a real broker, and by timestamp when the broker cannot say.
 */
@KafkaIntegrationTest
class NewsMarksIntegrationTests {

	@Autowired
	ConsumerFactory<?, ?> consumerFactory;

	@Test
	void recordsBeforeTheMarkAreHistoryAndFromItOnNews() {
		String topic = "news-marks-" + UUID.randomUUID();
		EventWriter.ensureTopic(topic);
		NewsMarks marks = new NewsMarks();
		// One room, one partition: the three records share it.
		try (EventWriter writer = EventWriter.as("/test");
				TopicReader reader = TopicReader.of(topic);
				Consumer<?, ?> consumer = this.consumerFactory.createConsumer(null, "news-marks-test")) {
			writer.write(topic, message("before"));
			writer.write(topic, message("before, too"));
			List<TopicPartition> partitions = IntStream.range(0, 6)
				.mapToObj((partition) -> new TopicPartition(topic, partition))
				.toList();
			marks.mark(topic, partitions, () -> consumer.endOffsets(partitions, Duration.ofSeconds(10)));
			writer.write(topic, message("after"));

			List<ConsumerRecord<String, CloudEvent<DomainEvent>>> read = reader.awaitRecords(3, (r) -> true);
			assertThat(read).extracting(marks::isNews).containsExactly(false, false, true);
		}
	}

	@Test
	void withoutTheBrokersEndOffsetsTheRecordsTimestampDecides() {
		Instant markedAt = Instant.parse("2026-11-25T10:00:00Z");
		NewsMarks marks = new NewsMarks(Clock.fixed(markedAt, ZoneOffset.UTC));
		marks.mark("chat-messages", List.of(partition(0)), () -> {
			throw new TimeoutException("the broker did not answer");
		});

		assertThat(marks.isNews(stamped("chat-messages", markedAt.minusMillis(1)))).isFalse();
		assertThat(marks.isNews(stamped("chat-messages", markedAt))).isTrue();
	}

	@Test
	void aPartitionIsReadBackOnceTheRecordBeforeItsMarkIsHandled() {
		NewsMarks marks = new NewsMarks();
		marks.mark("chat-messages", List.of(partition(0), partition(1)),
				() -> Map.of(partition(0), 43L, partition(1), 0L));
		assertThat(marks.readingBack()).as("an empty partition has nothing to read back")
			.containsOnlyKeys(partition(0));

		marks.handled(stamped("chat-messages", Instant.now()));
		assertThat(marks.readingBack()).as("offset 42, the last before the mark").isEmpty();
	}

	@Test
	void aPartitionEndingOnACommitMarkerIsReadBackOnceItIsQuietAtTheMark() {
		NewsMarks marks = new NewsMarks();
		// Offset 42 is the last record; 43 the marker of its transaction.
		marks.mark("chat-messages", List.of(partition(0)), () -> Map.of(partition(0), 44L));
		marks.handled(stamped("chat-messages", Instant.now()));
		assertThat(marks.readingBack()).containsOnlyKeys(partition(0));

		marks.quiet(Map.of(partition(0), 43L));
		assertThat(marks.readingBack()).as("quiet before the marker").containsOnlyKeys(partition(0));
		marks.quiet(Map.of(partition(0), 44L));
		assertThat(marks.readingBack()).isEmpty();
	}

	@Test
	void withoutTheBrokersEndOffsetsAPartitionIsReadBackOnceItIsQuiet() {
		NewsMarks marks = new NewsMarks();
		marks.mark("chat-messages", List.of(partition(0)), () -> {
			throw new TimeoutException("the broker did not answer");
		});
		assertThat(marks.readingBack()).as("not known to be empty").containsOnlyKeys(partition(0));

		marks.handled(stamped("chat-messages", Instant.now()));
		assertThat(marks.readingBack()).as("a record says nothing of where the history ends")
			.containsOnlyKeys(partition(0));
		marks.quiet(Map.of(partition(0), 43L));
		assertThat(marks.readingBack()).isEmpty();
	}

	private static TopicPartition partition(int partition) {
		return new TopicPartition("chat-messages", partition);
	}

	private static ConsumerRecord<String, String> stamped(String topic, Instant timestamp) {
		return new ConsumerRecord<>(topic, 0, 42, timestamp.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, "k", "v",
				new RecordHeaders(), Optional.empty());
	}

	private static ChatMessageSent message(String text) {
		return new ChatMessageSent(UUID.randomUUID(), "room", "s", text, Instant.now());
	}

}
