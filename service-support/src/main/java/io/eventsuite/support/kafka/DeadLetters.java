package io.eventsuite.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

/**
 * The one failure policy of every listener: a failed record is retried a few times in
 * place (blocking, so a later record of the same key never overtakes it), then written to
 * {@code <topic>-dlt} with spring-kafka's headers naming the original topic, partition,
 * offset and exception, and the partition moves on. A record that cannot be read at all
 * is not retried and goes to the dead-letter topic as the exact bytes it arrived with.
 */
public final class DeadLetters {

	/** Retries before a record is dead-lettered. */
	static final long RETRIES = 2;

	/** Pause between retries, in milliseconds. */
	static final long INTERVAL = 500;

	/** Kafka's {@code transaction.timeout.ms} when a producer does not set it. */
	private static final int DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;

	/**
	 * The largest record a dead-letter topic takes: what a compressed batch at the
	 * broker's limit can unpack to.
	 */
	public static final int MAX_DEAD_LETTER_BYTES = 16 * 1024 * 1024;

	private DeadLetters() {
	}

	/**
	 * The policy for listeners without transactions.
	 * @param template the template that writes events
	 * @param producerFactory its factory, to derive a template for raw bytes from
	 * @return the error handler
	 */
	public static DefaultErrorHandler errorHandler(KafkaTemplate<String, CloudEvent<?>> template,
			ProducerFactory<String, ?> producerFactory) {
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(template, producerFactory), backOff());
		// A record of the wrong type for its topic will not get better by waiting.
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

	/**
	 * The same policy for transactional batch listeners, applied by the listener to each
	 * record in the batch's transaction. Dead letters go through the batch's own
	 * transactional template, so that they commit or abort with the batch; its producer
	 * must write both events and raw bytes ({@link #eventsOrBytes()}) and take records up
	 * to {@link #MAX_DEAD_LETTER_BYTES}. A second transactional template for the bytes
	 * would share the transactional ids and fence the first. The pauses between retries
	 * of one batch take at most a fifth of its producer's {@code transaction.timeout.ms}.
	 * @param template the batch's transactional template
	 * @return the per-record policy
	 */
	public static BatchDeadLetters forBatches(KafkaTemplate<String, ?> template) {
		Object timeout = template.getProducerFactory()
			.getConfigurationProperties()
			.getOrDefault(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
		long pausesPerBatch = Long.parseLong(timeout.toString()) / 5 / INTERVAL;
		return new BatchDeadLetters(new DeadLetterPublishingRecoverer(template), pausesPerBatch);
	}

	/**
	 * A value serializer for a producer that writes events and dead letters: CloudEvents
	 * as events, byte arrays (records that could not be read) as they are.
	 * @return the serializer
	 */
	public static Serializer<Object> eventsOrBytes() {
		return new DelegatingByTypeSerializer(
				Map.of(CloudEvent.class, new CloudEventSerializer(), byte[].class, new ByteArraySerializer()));
	}

	/**
	 * What follows the rollback of a batch that {@link BatchDeadLetters} handles: it
	 * failed as a whole (it could not even dead-letter a record, or commit), so the
	 * broker is away; the batch is read again, once a second, until it goes through.
	 * Never recovered as a whole: that would dead-letter records that are fine.
	 * @return the after-rollback processor
	 */
	public static DefaultAfterRollbackProcessor<Object, Object> batchAfterRollbackProcessor() {
		return new DefaultAfterRollbackProcessor<>(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS));
	}

	/**
	 * A template that writes record values as the bytes they are, for records that could
	 * not be read as events.
	 * @param producerFactory the factory to derive it from, with its settings and
	 * transactions
	 * @return the template
	 */
	public static KafkaTemplate<String, byte[]> rawTemplate(ProducerFactory<String, ?> producerFactory) {
		@SuppressWarnings("unchecked")
		ProducerFactory<String, byte[]> factory = (ProducerFactory<String, byte[]>) producerFactory;
		// A dead letter may be larger than any event (that may be why it is one): allow
		// it and compress it.
		return new KafkaTemplate<>(factory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_DEAD_LETTER_BYTES,
						ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
	}

	private static DeadLetterPublishingRecoverer recoverer(KafkaTemplate<String, CloudEvent<?>> template,
			ProducerFactory<String, ?> producerFactory) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate(producerFactory));
		templates.put(CloudEvent.class, template);
		return new DeadLetterPublishingRecoverer(templates);
	}

	private static BackOff backOff() {
		return new FixedBackOff(INTERVAL, RETRIES);
	}

}
