package io.eventsuite.activity.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import io.eventsuite.events.Topics;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PublishFailedException;
import io.eventsuite.support.kafka.PublishProperties;

/**
 * Erases a user by writing a tombstone (the user id as key, no value) to
 * {@code user-activity}; the analytics turn it into the deletion of the user's profile.
 * <p>
 * Unlike activity, an erasure is not telemetry that may get lost: it is written with
 * {@code acks=all} (and so with an idempotent producer) whatever the activity producer is
 * tuned to, and the returned future completes only from the broker's acknowledgement.
 */
@Component
public class UserErasure implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

	private final KafkaTemplate<String, CloudEvent<?>> template;

	private final String topic;

	private final Duration timeout;

	@SuppressWarnings("unchecked")
	UserErasure(ProducerFactory<String, ?> producerFactory, EventTopics topics, PublishProperties publish) {
		// A producer of its own, from the service's settings with acks overridden; the
		// template closes it when the application stops.
		this.template = new KafkaTemplate<>((ProducerFactory<String, CloudEvent<?>>) producerFactory,
				Map.of(ProducerConfig.ACKS_CONFIG, "all"));
		this.topic = topics.name(Topics.USER_ACTIVITY);
		this.timeout = publish.timeout();
	}

	/**
	 * Writes the tombstone of a user.
	 * @param userId the user
	 * @return completes once every in-sync replica has the tombstone, or with a
	 * {@link PublishFailedException}
	 */
	public CompletableFuture<ErasureReceipt> erase(String userId) {
		CompletableFuture<ErasureReceipt> sent;
		try {
			sent = this.template.send(this.topic, userId, null)
				.thenApply((result) -> ErasureReceipt.of(userId, result.getRecordMetadata()));
		}
		catch (RuntimeException ex) {
			sent = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<ErasureReceipt> outcome = new CompletableFuture<>();
		sent.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((receipt, failure) -> {
			if (failure == null) {
				log.info("Erasure written userId={} topic={} partition={} offset={}", userId, receipt.topic(),
						receipt.partition(), receipt.offset());
				outcome.complete(receipt);
				return;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			log.warn("Could not write the erasure of userId={} topic={}: {}", userId, this.topic, cause.toString());
			outcome.completeExceptionally(new PublishFailedException(this.topic, cause));
		});
		return outcome;
	}

	@Override
	public void close() {
		this.template.destroy();
	}

}
