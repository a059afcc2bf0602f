package io.eventsuite.support.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.eventsuite.events.wire.CloudEvent;

/**
 * The one error handler of every listener: a failed record is retried a few times in
 * place (blocking, so a later record of the same key never overtakes it), then written to
 * {@code <topic>-dlt} with spring-kafka's headers naming the original topic, partition,
 * offset and exception, and the partition moves on. A record that cannot be read at all
 * is not retried and goes to the dead-letter topic as the exact bytes it arrived with.
 */
public final class DeadLetters {

	private DeadLetters() {
	}

	/**
	 * Builds the error handler.
	 * @param template the template that writes events
	 * @param producerFactory the factory to derive a template for raw bytes from
	 * @param retries how many times a record is retried before it is dead-lettered
	 * @param interval the pause between retries, in milliseconds
	 * @return the error handler
	 */
	public static DefaultErrorHandler errorHandler(KafkaTemplate<String, CloudEvent<?>> template,
			ProducerFactory<String, ?> producerFactory, long retries, long interval) {
		@SuppressWarnings("unchecked")
		KafkaTemplate<String, byte[]> rawTemplate = new KafkaTemplate<>(
				(ProducerFactory<String, byte[]>) producerFactory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawTemplate);
		templates.put(CloudEvent.class, template);
		DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(templates),
				new FixedBackOff(interval, retries));
		// A record of the wrong type for its topic will not get better by waiting.
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

}
