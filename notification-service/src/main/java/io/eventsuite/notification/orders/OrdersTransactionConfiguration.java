package io.eventsuite.notification.orders;

import java.net.URI;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.kafka.BatchDeadLetters;
import io.eventsuite.support.kafka.DeadLetters;
import io.eventsuite.support.kafka.EventPublisher;
import io.eventsuite.support.kafka.EventTopics;
import io.eventsuite.support.kafka.PublishProperties;

/**
 * Exactly-once from {@code orders} to {@code notifications}: the notification and the
 * consumed offset are committed in one Kafka transaction, so a crash or a rebalance
 * between the two can neither lose the notification nor produce it twice for
 * {@code read_committed} readers. The transactional producer is private to this flow: the
 * service's other writers (chat) stay plain, and Boot's default factories are left as
 * they are.
 */
@Configuration(proxyBeanMethods = false)
class OrdersTransactionConfiguration {

	/** The listener container factory of the orders listener. */
	static final String CONTAINER_FACTORY = "ordersContainerFactory";

	private static final int TRANSACTION_INIT_TIMEOUT_MS = 30_000;

	private static final int TRANSACTION_TIMEOUT_MS = 10_000;

	@Bean(destroyMethod = "destroy")
	NotificationTransactions notificationTransactions(KafkaProperties kafkaProperties,
			@Value("${eventsuite.notifications.transaction-id-prefix}") String transactionIdPrefix) {
		Map<String, Object> properties = kafkaProperties.buildProducerProperties();
		// No HTTP caller waits on this producer; initTransactions() may have to wait for
		// the transaction coordinator.
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TRANSACTION_INIT_TIMEOUT_MS);
		// A killed instance leaves its transaction open until this timeout; until then
		// read_committed readers wait at
		// that point of the partition. Kafka's default is a minute.
		properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
		// Dead letters travel in the batch's transaction, through this producer: it
		// writes
		// the bytes of unreadable records as well as events, and records up to their
		// size.
		properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DeadLetters.MAX_DEAD_LETTER_BYTES);
		@SuppressWarnings("unchecked")
		Serializer<CloudEvent<?>> values = (Serializer<CloudEvent<?>>) (Serializer<?>) DeadLetters.eventsOrBytes();
		DefaultKafkaProducerFactory<String, CloudEvent<?>> producerFactory = new DefaultKafkaProducerFactory<>(
				properties, null, values);
		producerFactory.setTransactionIdPrefix(transactionIdPrefix);
		return new NotificationTransactions(producerFactory);
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<Object, Object> ordersContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<Object, Object> consumerFactory, NotificationTransactions transactions) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumerFactory);
		// Not the service's shared error handler, which Boot's configurer sets: inside
		// the transaction it would run the whole poll again and then dead-letter every
		// record of it through the plain, non-transactional template, writes that survive
		// the rollback. A failed batch rolls back and is read again instead.
		factory.setCommonErrorHandler(null);
		factory.getContainerProperties().setKafkaAwareTransactionManager(transactions.transactionManager());
		// One transaction per poll; failed records are handled inside it
		// (BatchDeadLetters).
		factory.setBatchListener(true);
		factory.setAfterRollbackProcessor(DeadLetters.batchAfterRollbackProcessor());
		return factory;
	}

	@Bean
	BatchDeadLetters orderDeadLetters(NotificationTransactions transactions) {
		return DeadLetters.forBatches(transactions.template());
	}

	@Bean
	NotificationPublisher notificationPublisher(NotificationTransactions transactions, EventTopics topics,
			PublishProperties publish, @Value("${spring.application.name}") String applicationName) {
		return new NotificationPublisher(new EventPublisher(transactions.template(), topics,
				URI.create("/eventsuite/" + applicationName), publish.timeout()));
	}

	/**
	 * The transactional producer of notifications, its template and its transaction
	 * manager.
	 */
	static final class NotificationTransactions {

		private final DefaultKafkaProducerFactory<String, CloudEvent<?>> producerFactory;

		private final KafkaTemplate<String, CloudEvent<?>> template;

		private final KafkaTransactionManager<String, CloudEvent<?>> transactionManager;

		NotificationTransactions(DefaultKafkaProducerFactory<String, CloudEvent<?>> producerFactory) {
			this.producerFactory = producerFactory;
			this.template = new KafkaTemplate<>(producerFactory);
			this.transactionManager = new KafkaTransactionManager<>(producerFactory);
			// Off by default for Kafka; the listener needs it to remember an event only
			// once its transaction commits.
			this.transactionManager.setTransactionSynchronization(
					AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
		}

		KafkaTemplate<String, CloudEvent<?>> template() {
			return this.template;
		}

		KafkaTransactionManager<String, CloudEvent<?>> transactionManager() {
			return this.transactionManager;
		}

		void destroy() {
			this.producerFactory.destroy();
		}

	}

}
