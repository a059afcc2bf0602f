package io.eventsuite.order;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * acks is configuration, not code: the service ships acks=all, and the standard
 * environment variable overrides it.
 */
class ProducerSettingsTests {

	@Test
	void shipsWithAcksAll() throws IOException {
		assertThat(producer(Map.of()).getAcks()).isEqualTo("all");
	}

	@Test
	void environmentVariableOverridesAcks() throws IOException {
		assertThat(producer(Map.of("SPRING_KAFKA_PRODUCER_ACKS", "1")).getAcks()).isEqualTo("1");
		assertThat(producer(Map.of("SPRING_KAFKA_PRODUCER_ACKS", "0")).getAcks()).isEqualTo("0");
	}

	private static KafkaProperties.Producer producer(Map<String, Object> environmentVariables) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("test-environment", environmentVariables));
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class).getProducer();
	}

}
