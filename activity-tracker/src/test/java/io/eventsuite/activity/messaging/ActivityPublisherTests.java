package io.eventsuite.activity.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;
import io.eventsuite.support.kafka.EventPublisher;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PartlyPublishedException;
import io.eventsuite.support.kafka.PublishFailedException;
import io.eventsuite.support.kafka.TopicsProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link ActivityPublisher} reports outcomes nobody waits for, on Kafka's own
 * {@link MockProducer}: a producer whose deliveries the test completes or fails, and that
 * can refuse records the way a full buffer does.
 */
class ActivityPublisherTests {

	// The template closes the producer its factory hands it once a record is sent; a
	// factory's shared producer (DefaultKafkaProducerFactory's) ignores that, and so does
	// this one, which takes every record of a test.
	private final MockProducer<String, CloudEvent<?>> producer = new MockProducer<>(false, null, new StringSerializer(),
			new CloudEventSerializer()) {

		@Override
		public void close(Duration timeout) {
		}

	};

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ActivityPublisher publisher = publisherOn(this.producer, this.meters);

	@Test
	void returnsBeforeTheBrokerAnswersAndCountsEachOutcome() {
		int accepted = this.publisher.publish(events(3));

		assertThat(accepted).isEqualTo(3);
		assertThat(this.producer.history()).extracting((r) -> r.key()).containsExactly("user-0", "user-1", "user-2");
		assertThat(published()).isZero();

		this.producer.completeNext();
		this.producer.errorNext(new NetworkException("leader went away"));
		this.producer.completeNext();

		assertThat(published()).isEqualTo(2.0);
		assertThat(this.meters.get(ActivityPublisher.FAILED).tag("reason", "NetworkException").counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void recordRefusedAtOnceFailsTheCallAndStopsTheBatch() {
		this.producer.sendException = new BufferExhaustedException("buffer full");

		assertThatExceptionOfType(PublishFailedException.class).isThrownBy(() -> this.publisher.publish(events(5)))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue())
			.satisfies((ex) -> assertThat(ex.getTopic()).isEqualTo("user-activity"));
		assertThat(
				this.meters.get(ActivityPublisher.FAILED).tag("reason", "BufferExhaustedException").counter().count())
			.as("only the first event was tried")
			.isEqualTo(1.0);
	}

	@Test
	void recordRefusedAfterOthersWereTakenSaysHowManyWere() {
		MockProducer<String, CloudEvent<?>> fillsUp = new MockProducer<>(false, null, new StringSerializer(),
				new CloudEventSerializer()) {

			@Override
			public synchronized Future<RecordMetadata> send(ProducerRecord<String, CloudEvent<?>> record,
					Callback callback) {
				if (history().size() == 2) {
					this.sendException = new BufferExhaustedException("buffer full");
				}
				return super.send(record, callback);
			}

			@Override
			public void close(Duration timeout) {
			}

		};

		assertThatExceptionOfType(PartlyPublishedException.class)
			.isThrownBy(() -> publisherOn(fillsUp, this.meters).publish(events(5)))
			.satisfies((ex) -> assertThat(ex.getAccepted()).isEqualTo(2))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
		assertThat(fillsUp.history()).extracting((r) -> r.key()).containsExactly("user-0", "user-1");
	}

	private double published() {
		return this.meters.get(ActivityPublisher.PUBLISHED).counter().count();
	}

	private static List<ActivityRecorded> events(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new ActivityRecorded("user-" + i, ActivityType.CLICK, "/p/" + i, null, Instant.now()))
			.toList();
	}

	private static ActivityPublisher publisherOn(MockProducer<String, CloudEvent<?>> producer, MeterRegistry meters) {
		EventTopics topics = new EventTopics(new TopicsProperties(Map.of()));
		KafkaTemplate<String, CloudEvent<?>> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
		return new ActivityPublisher(new EventPublisher(template, topics, URI.create("/eventsuite/activity-tracker"),
				Duration.ofSeconds(10)), topics, meters);
	}

}
