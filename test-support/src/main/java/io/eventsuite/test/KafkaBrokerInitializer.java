package io.eventsuite.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at the shared {@link TestKafkaBroker}.
 */
public class KafkaBrokerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers()).applyTo(context);
	}

}
