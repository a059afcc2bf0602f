package io.eventsuite.test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

/**
 * Writes events to the test broker as another service would, to test a consumer without
 * that service.
 */
public final class EventWriter implements AutoCloseable {

	private final KafkaProducer<String, CloudEvent<?>> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new CloudEventSerializer());

	private final URI source;

	private EventWriter(URI source) {
		this.source = source;
	}

	/**
	 * A writer that signs events as the given source.
	 * @param source the CloudEvents source, for example {@code /eventsuite/order-service}
	 * @return the writer, to be closed
	 */
	public static EventWriter as(String source) {
		return new EventWriter(URI.create(source));
	}

	/**
	 * Creates a topic with six partitions unless it exists, as the service that owns it
	 * would.
	 * @param topic the topic
	 */
	public static void ensureTopic(String topic) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException(ex);
			}
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes one event, keyed by its key, and waits for the broker's acknowledgement.
	 * @param topic the topic
	 * @param event the event
	 * @return the envelope as written (with its CloudEvents id)
	 */
	public CloudEvent<DomainEvent> write(String topic, DomainEvent event) {
		return write(topic, CloudEvent.of(this.source, event));
	}

	/**
	 * Writes an event exactly as given, id included: how a duplicate or a replay looks to
	 * a consumer.
	 * @param topic the topic
	 * @param cloudEvent the event with its CloudEvents attributes
	 * @return the same envelope
	 */
	public CloudEvent<DomainEvent> write(String topic, CloudEvent<DomainEvent> cloudEvent) {
		try {
			this.producer.send(new ProducerRecord<>(topic, cloudEvent.key(), cloudEvent)).get(30, TimeUnit.SECONDS);
			return cloudEvent;
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes many events in one Kafka transaction, as a transactional service does: the
	 * partitions they go to then end on the transaction's commit marker, which is no
	 * record.
	 * @param topic the topic
	 * @param events the events, in the order to write them
	 */
	public void writeAllInOneTransaction(String topic, List<? extends DomainEvent> events) {
		try (KafkaProducer<String, CloudEvent<?>> transactional = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "event-writer-" + UUID.randomUUID()),
				new StringSerializer(), new CloudEventSerializer())) {
			transactional.initTransactions();
			transactional.beginTransaction();
			for (DomainEvent event : events) {
				CloudEvent<DomainEvent> cloudEvent = CloudEvent.of(this.source, event);
				transactional.send(new ProducerRecord<>(topic, cloudEvent.key(), cloudEvent));
			}
			transactional.commitTransaction();
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
