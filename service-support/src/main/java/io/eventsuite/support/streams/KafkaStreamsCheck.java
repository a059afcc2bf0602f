package io.eventsuite.support.streams;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.eventsuite.support.health.KafkaReadinessCheck;

/**
 * The {@code streams} part of readiness: UP only while the Kafka Streams application is
 * RUNNING. While it starts, restores its stores from their changelogs, rebalances or has
 * failed, its state cannot be queried, so the instance should get no traffic. Answers
 * from the state Kafka Streams holds in memory, never from the network.
 */
class KafkaStreamsCheck implements KafkaReadinessCheck {

	private final StreamsBuilderFactoryBean streams;

	KafkaStreamsCheck(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public String name() {
		return "streams";
	}

	@Override
	public Health health() {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Health.outOfService().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = kafkaStreams.state();
		Health.Builder health = (state == KafkaStreams.State.RUNNING) ? Health.up() : Health.outOfService();
		return health.withDetail("state", state.name()).build();
	}

}
