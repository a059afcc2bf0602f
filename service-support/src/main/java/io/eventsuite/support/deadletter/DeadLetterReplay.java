package io.eventsuite.support.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

import io.eventsuite.events.EventTopic;
import io.eventsuite.support.kafka.DeadLetters;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PublishFailedException;

/**
 * Copies what a dead-letter topic holds back to the original topic, byte for byte with
 * its key and headers (so the CloudEvents id is unchanged), and remembers how far it got
 * in a consumer group of its own. Running it twice replays only what was dead-lettered in
 * between; and because consumers recognise an event id they have handled, even a record
 * replayed twice has one effect.
 * <p>
 * It goes one poll at a time: the poll's records are written, then its offsets committed.
 * So it holds one poll's records at a time, however large the topic, and a replay that
 * runs out of time keeps what it did: the next one goes on from there. A broker that does
 * not answer makes it fail within seconds, as a {@code 503}.
 */
public class DeadLetterReplay {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

	/** How long one request may replay before it answers with what it did so far. */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** How long a single exchange with the broker may take. */
	private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

	private final Map<String, Object> consumerProperties;

	private final KafkaTemplate<String, byte[]> template;

	private final EventTopics topics;

	private final String groupPrefix;

	public DeadLetterReplay(Map<String, Object> consumerProperties, KafkaTemplate<String, byte[]> template,
			EventTopics topics, String groupPrefix) {
		this.consumerProperties = consumerProperties;
		this.template = template;
		this.topics = topics;
		this.groupPrefix = groupPrefix;
	}

	/**
	 * Replays everything dead-lettered for a topic up to now, or as much of it as fits in
	 * a minute.
	 * @param topic the original topic
	 * @return what was replayed
	 * @throws PublishFailedException when the broker does not answer or take the records
	 */
	public synchronized Replayed replay(EventTopic<?> topic) {
		String original = this.topics.name(topic);
		String deadLetter = original + EventTopics.DEAD_LETTER_SUFFIX;
		Map<String, Object> properties = new HashMap<>(this.consumerProperties);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, this.groupPrefix + deadLetter);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// A poll of dead letters, each up to 16 MB, is what the replay holds at once.
		properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, DeadLetters.MAX_DEAD_LETTER_BYTES);
		properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		Consumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer());
		try {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetter, BROKER_TIMEOUT)
				.stream()
				.map((info) -> new TopicPartition(deadLetter, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return new Replayed(original, deadLetter, 0, true);
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BROKER_TIMEOUT);
			int replayed = 0;
			Instant deadline = Instant.now().plus(TIMEOUT);
			while (!caughtUp(consumer, end)) {
				if (Instant.now().isAfter(deadline)) {
					log.info("Replayed {} records from {} to {} and stopped after {}; a replay goes on from there",
							replayed, deadLetter, original, TIMEOUT);
					return new Replayed(original, deadLetter, replayed, false);
				}
				List<CompletableFuture<?>> sends = new ArrayList<>();
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						sends.add(this.template.send(new ProducerRecord<>(original, null, record.key(), record.value(),
								withoutDeadLetterHeaders(record))));
					}
				}
				if (sends.isEmpty()) {
					continue;
				}
				// Waits no longer than the replay has left, and at least for one
				// exchange.
				long left = Math.max(Duration.between(Instant.now(), deadline).toMillis(), BROKER_TIMEOUT.toMillis());
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(left, TimeUnit.MILLISECONDS);
				consumer.commitSync(replayedUpTo(consumer, end), BROKER_TIMEOUT);
				replayed += sends.size();
			}
			log.info("Replayed {} records from {} to {}", replayed, deadLetter, original);
			return new Replayed(original, deadLetter, replayed, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Replay of " + deadLetter + " interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new PublishFailedException(original, ex.getCause());
		}
		catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException ex) {
			throw new PublishFailedException(original, ex);
		}
		finally {
			// Not close()'s 30 s: leaving the group must not hold the answer up either.
			consumer.close(CloseOptions.timeout(BROKER_TIMEOUT));
		}
	}

	/**
	 * Each partition's position, but never past the end the replay was asked to reach: a
	 * record dead-lettered since is left for the next replay, not skipped.
	 */
	private static Map<TopicPartition, OffsetAndMetadata> replayedUpTo(Consumer<?, ?> consumer,
			Map<TopicPartition, Long> end) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		end.forEach((partition, last) -> offsets.put(partition,
				new OffsetAndMetadata(Math.min(consumer.position(partition, BROKER_TIMEOUT), last))));
		return offsets;
	}

	private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey(), BROKER_TIMEOUT) >= e.getValue());
	}

	private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<?, ?> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-")) {
				headers.add(header);
			}
		}
		return headers;
	}

	/**
	 * What a replay did.
	 *
	 * @param topic the topic records were written back to
	 * @param deadLetterTopic the topic they were read from
	 * @param replayed how many records were written back
	 * @param complete whether it reached the end the topic had when the replay began;
	 * otherwise it ran out of time, and the next replay goes on where it stopped
	 */
	public record Replayed(String topic, String deadLetterTopic, int replayed, boolean complete) {
	}

}
