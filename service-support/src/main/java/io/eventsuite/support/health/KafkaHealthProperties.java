package io.eventsuite.support.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Kafka cluster is checked for readiness, for example
 * {@code eventsuite.health.kafka.interval=5s}.
 *
 * @param interval the pause between two checks of the cluster
 * @param timeout how long one check may wait for the cluster to answer
 */
@ConfigurationProperties("eventsuite.health.kafka")
public record KafkaHealthProperties(@DefaultValue("5s") Duration interval, @DefaultValue("2s") Duration timeout) {

}
