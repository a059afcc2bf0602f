package io.eventsuite.support.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.eventsuite.support.kafka.DeadLetters;

/**
 * Wires what a service with a Kafka Streams application ({@code @EnableKafkaStreams})
 * gets from the suite: start-up once the HTTP port is known, interactive queries across
 * instances for every {@link QueryableStore} bean, read-your-writes, the {@code streams}
 * readiness check, and its dead-letter topic.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaStreams.class)
@ConditionalOnBean(StreamsBuilderFactoryBean.class)
@EnableConfigurationProperties(StreamsProperties.class)
public class StreamsAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StreamsAutoConfiguration.class);

	/**
	 * Between the web server's graceful shutdown and its stop: Kafka Streams closes once
	 * in-flight requests are done.
	 */
	static final int STREAMS_PHASE = WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE
			- (WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE
					- WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE) / 2;

	/** The layout of every other topic, so operators manage one shape. */
	static final int DEAD_LETTER_PARTITIONS = 6;

	// Runs after Boot's configurer, which applies spring.kafka.streams.auto-startup:
	// StreamsStarter starts the application instead.
	// A stream thread that dies of an unexpected error (a commit that timed out while
	// every broker was down) is replaced instead of shutting the application down for
	// good: its tasks restart from their last commit, which exactly-once makes safe.
	// A graceful shutdown leaves the group at once, so the remaining instances take over
	// its partitions now rather than after the session timeout. It stops after the web
	// server's graceful shutdown, so requests in flight still find their state.
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	StreamsBuilderFactoryBeanConfigurer startWhenTheWebServerListens() {
		return (factoryBean) -> {
			factoryBean.setAutoStartup(false);
			// A dead letter is the record as it was read, and a compressed batch at
			// the broker's 1 MB limit unpacks to more: the Streams producer writes
			// records up to what the dead-letter topic takes. At Kafka's 1 MB, the
			// dead letter of a 3 MB value failed the producer, and the thread that
			// replaced the dead stream thread read the same record again, for ever.
			Properties configuration = factoryBean.getStreamsConfiguration();
			if (configuration != null) {
				configuration.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
						DeadLetters.MAX_DEAD_LETTER_BYTES);
				factoryBean.setStreamsConfiguration(configuration);
			}
			factoryBean.setLeaveGroupOnClose(true);
			factoryBean.setPhase(STREAMS_PHASE);
			factoryBean.setStreamsUncaughtExceptionHandler((ex) -> {
				log.error("Replacing a Kafka Streams thread that failed", ex);
				return StreamThreadExceptionResponse.REPLACE_THREAD;
			});
		};
	}

	@Bean
	ReadYourWrites readYourWrites(KafkaAdmin kafkaAdmin, StreamsBuilderFactoryBean streams,
			StreamsProperties properties) {
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationId(streams) + "-read-your-writes");
		return new ReadYourWrites(() -> Admin.create(config), applicationId(streams),
				properties.readYourWritesTimeout());
	}

	@Bean
	StateQueries stateQueries(StreamsBuilderFactoryBean streams, ObjectProvider<QueryableStore<?>> stores,
			ReadYourWrites readYourWrites, StreamsProperties properties) {
		return new StateQueries(streams, stores.orderedStream().toList(), readYourWrites, properties);
	}

	@Bean
	StreamsStarter streamsStarter(StreamsBuilderFactoryBean streams, StateQueries queries,
			ReadYourWrites readYourWrites, ApplicationContext context, StreamsProperties properties,
			KafkaProperties kafkaProperties) {
		return new StreamsStarter(streams, queries, readYourWrites, context, properties.advertisedHost(),
				kafkaProperties.getStreams().isAutoStartup());
	}

	@Bean
	InternalStateController internalStateController(StateQueries queries, StreamsProperties properties) {
		return new InternalStateController(queries, properties.internalToken());
	}

	@Bean
	KafkaStreamsCheck kafkaStreamsCheck(StreamsBuilderFactoryBean streams) {
		return new KafkaStreamsCheck(streams);
	}

	/**
	 * The topic Kafka Streams writes unreadable and unprocessable records to
	 * ({@code errors.dead.letter.queue.topic.name}), with the source topic, partition,
	 * offset and exception in its headers. Brokers here do not create topics on first
	 * use, so it is declared like every other topic.
	 * @param streams the application
	 * @param properties its replicas
	 * @return the declaration
	 */
	@Bean
	NewTopic streamsDeadLetterTopic(StreamsBuilderFactoryBean streams, StreamsProperties properties) {
		Object name = streams.getStreamsConfiguration().get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
		if (name == null) {
			throw new IllegalStateException(
					"Set spring.kafka.streams.properties." + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
							+ ": a record the application cannot process must go to a dead-letter topic, not vanish");
		}
		return TopicBuilder.name(name.toString())
			.partitions(DEAD_LETTER_PARTITIONS)
			.replicas(properties.deadLetterReplicas())
			// The record as it was read, which may be larger than any event (that may be
			// why it is here): a compressed batch at the broker's limit unpacks to more.
			.config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DeadLetters.MAX_DEAD_LETTER_BYTES))
			.build();
	}

	private static String applicationId(StreamsBuilderFactoryBean streams) {
		return streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
	}

}
