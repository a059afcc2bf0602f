package io.eventsuite.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.eventsuite.events.wire.CloudEvent;

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
	 * The same policy for transactional listeners: the dead-lettering and the offset of
	 * the failed record are committed in one transaction.
	 * @param template a transactional template that writes events
	 * @param producerFactory its factory
	 * @return the after-rollback processor
	 */
	public static DefaultAfterRollbackProcessor<Object, Object> afterRollbackProcessor(
			KafkaTemplate<String, CloudEvent<?>> template, ProducerFactory<String, ?> producerFactory) {
		DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
				recoverer(template, producerFactory), backOff(), template, true);
		processor.addNotRetryableExceptions(IllegalArgumentException.class);
		return processor;
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
