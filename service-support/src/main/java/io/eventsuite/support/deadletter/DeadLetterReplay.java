package io.eventsuite.support.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
import io.eventsuite.support.kafka.EventTopics;

/**
 * Copies what a dead-letter topic holds back to the original topic, byte for byte with
 * its key and headers (so the CloudEvents id is unchanged), and remembers how far it got
 * in a consumer group of its own. Running it twice replays only what was dead-lettered in
 * between; and because consumers recognise an event id they have handled, even a record
 * replayed twice has one effect.
 */
public class DeadLetterReplay {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

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
	 * Replays everything dead-lettered for a topic up to now.
	 * @param topic the original topic
	 * @return what was replayed
	 */
	public synchronized Replayed replay(EventTopic<?> topic) {
		String original = this.topics.name(topic);
		String deadLetter = original + EventTopics.DEAD_LETTER_SUFFIX;
		Map<String, Object> properties = new HashMap<>(this.consumerProperties);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, this.groupPrefix + deadLetter);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetter, TIMEOUT)
				.stream()
				.map((info) -> new TopicPartition(deadLetter, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return new Replayed(original, deadLetter, 0);
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
			List<CompletableFuture<?>> sends = new ArrayList<>();
			Instant deadline = Instant.now().plus(TIMEOUT);
			while (!caughtUp(consumer, end)) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Replay of " + deadLetter + " did not reach the end in " + TIMEOUT);
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						sends.add(this.template.send(new ProducerRecord<>(original, null, record.key(), record.value(),
								withoutDeadLetterHeaders(record))));
					}
				}
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
			end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
			consumer.commitSync(done, TIMEOUT);
			log.info("Replayed {} records from {} to {}", sends.size(), deadLetter, original);
			return new Replayed(original, deadLetter, sends.size());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Replay of " + deadLetter + " interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Replay of " + deadLetter + " could not write to " + original, ex);
		}
	}

	private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
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
	 */
	public record Replayed(String topic, String deadLetterTopic, int replayed) {
	}

}
