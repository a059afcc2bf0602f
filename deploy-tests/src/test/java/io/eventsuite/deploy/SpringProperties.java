package io.eventsuite.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The properties a service binds, from the configuration metadata of Spring Boot's jars
 * and from eventsuite's own {@code @ConfigurationProperties} records, in their
 * environment variable form ({@code spring.kafka.ssl.trust-store-location} →
 * {@code SPRING_KAFKA_SSL_TRUST_STORE_LOCATION}).
 */
final class SpringProperties {

	private final Set<String> properties = new HashSet<>();

	private final Set<String> maps = new HashSet<>();

	private SpringProperties() {
	}

	static SpringProperties load() {
		SpringProperties known = new SpringProperties();
		JsonMapper json = new JsonMapper();
		try {
			for (URL url : Collections.list(SpringProperties.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String env = environmentForm(property.path("name").asText());
						known.properties.add(env);
						if (property.path("type").asText().startsWith("java.util.Map")) {
							known.maps.add(env + "_");
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// eventsuite's own properties; a component may be a map or a nested record, so it
		// is a prefix too.
		for (String property : Repository.eventsuiteProperties()) {
			known.properties.add(environmentForm(property));
			known.maps.add(environmentForm(property) + "_");
		}
		return known;
	}

	static String environmentForm(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/**
	 * Whether an environment variable sets a property Spring Boot knows: one of its
	 * properties, or a key of one of its maps
	 * ({@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}).
	 */
	boolean binds(String variable) {
		return this.properties.contains(variable) || this.maps.stream().anyMatch(variable::startsWith);
	}

	int size() {
		return this.properties.size();
	}

}
