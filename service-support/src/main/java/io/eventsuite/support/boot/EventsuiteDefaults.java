package io.eventsuite.support.boot;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code eventsuite-defaults.properties} as the property source of lowest
 * precedence, so that every service starts from the same broker, wire format, actuator
 * and shutdown settings while each of them stays overridable through the standard keys.
 */
class EventsuiteDefaults implements EnvironmentPostProcessor {

	static final String NAME = "eventsuite-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(NAME, new ClassPathResource(NAME + ".properties")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + NAME + ".properties", ex);
		}
	}

}
