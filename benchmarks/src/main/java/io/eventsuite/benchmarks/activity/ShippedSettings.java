package io.eventsuite.benchmarks.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

import io.eventsuite.benchmarks.producer.ProducerSettings;

/**
 * What activity-tracker ships with, read from the {@code application.yml} inside the jar
 * the benchmark starts, so that the reference cannot drift from the service: its
 * producer's {@code acks}, {@code compression.type}, {@code batch.size} and
 * {@code linger.ms}, and the largest batch one request may carry.
 *
 * @param producer the producer settings the reference runs with
 * @param maxBatchSize {@code eventsuite.activity.max-batch-size}
 */
record ShippedSettings(ProducerSettings producer, int maxBatchSize) {

	/** Where Spring Boot's executable jar keeps the application's resources. */
	static final String APPLICATION_YML = "BOOT-INF/classes/application.yml";

	/**
	 * Reads the settings from a service's executable jar.
	 * @param jar activity-tracker's jar
	 * @return its settings
	 */
	static ShippedSettings ofJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
		}
		try {
			return of(new UrlResource("jar:" + jar.toUri() + "!/" + APPLICATION_YML));
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads the settings from an {@code application.yml}.
	 * @param yaml the file
	 * @return its settings
	 */
	static ShippedSettings of(Resource yaml) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml", yaml);
			return new ShippedSettings(
					new ProducerSettings(value(sources, "spring.kafka.producer.acks"),
							Integer.parseInt(value(sources, "spring.kafka.producer.properties.linger.ms")),
							Integer.parseInt(value(sources, "spring.kafka.producer.batch-size")),
							value(sources, "spring.kafka.producer.compression-type")),
					Integer.parseInt(value(sources, "eventsuite.activity.max-batch-size")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Every setting must be there: a default filled in here would measure the reference
	// with settings the service does not have.
	private static String value(List<PropertySource<?>> sources, String name) {
		return sources.stream()
			.map((source) -> source.getProperty(name))
			.filter(Objects::nonNull)
			.map(Object::toString)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("activity-tracker's application.yml does not set " + name));
	}

}
