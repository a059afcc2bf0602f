package io.eventsuite.support.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ListenerContainerRegistry;

/**
 * The {@code kafka} health contributor, made of every {@link KafkaReadinessCheck} bean:
 * the cluster answers ({@code cluster}) and the listener containers run
 * ({@code listeners}). The shared defaults put it into the readiness group only, so a
 * broker outage takes a service out of load balancing without getting it restarted.
 * {@code management.health.kafka.enabled=false} switches it off.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({ HealthContributor.class, KafkaAdmin.class })
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaHealthAutoConfiguration {

	@Bean
	KafkaClusterCheck kafkaClusterCheck(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties) {
		return new KafkaClusterCheck(kafkaAdmin.getConfigurationProperties(), properties, Clock.systemUTC());
	}

	@Bean
	KafkaListenersCheck kafkaListenersCheck(ObjectProvider<ListenerContainerRegistry> registry) {
		return new KafkaListenersCheck(registry::getIfUnique);
	}

	// Named so that its health contributor name is "kafka".
	@Bean
	HealthContributor kafkaHealthContributor(ObjectProvider<KafkaReadinessCheck> checks) {
		Map<String, KafkaReadinessCheck> byName = new LinkedHashMap<>();
		checks.orderedStream().forEach((check) -> byName.put(check.name(), check));
		return CompositeHealthContributor.fromMap(byName, (check) -> (HealthIndicator) check::health);
	}

}
