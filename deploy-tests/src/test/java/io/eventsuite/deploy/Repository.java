package io.eventsuite.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.eventsuite.events.EventTopic;
import io.eventsuite.events.Topics;

/**
 * The repository as the deployment files must see it: the services with their ports, the
 * shared defaults and the topics the code declares.
 */
final class Repository {

	static final Path ROOT = Path.of(System.getProperty("eventsuite.root", "..")).toAbsolutePath().normalize();

	/** The services, by module name. */
	static final List<String> SERVICES = List.of("order-service", "notification-service", "activity-tracker");

	/** spring-kafka's default dead-letter topic suffix, as the services use it. */
	static final String DEAD_LETTER_SUFFIX = "-dlt";

	private static final Pattern PORT_DEFAULT = Pattern.compile("\\$\\{PORT:(\\d+)}");

	private static final Pattern DEAD_LETTER_DECLARATION = Pattern.compile("declareDeadLetter\\(Topics\\.(\\w+)\\)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static final Pattern PROPERTIES_RECORD = Pattern
		.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)[^{]*?record \\w+\\((.*?)\\)\\s*\\{", Pattern.DOTALL);

	private static final Pattern MAX_DEAD_LETTER_BYTES = Pattern.compile("int MAX_DEAD_LETTER_BYTES = ([\\d\\s*]+);");

	private static final Pattern COMPONENT_NAME = Pattern.compile("(\\w+)\\s*$");

	private Repository() {
	}

	static Path path(String first, String... more) {
		return ROOT.resolve(Path.of(first, more));
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The largest record a dead-letter topic takes, as service-support's
	 * {@code DeadLetters.MAX_DEAD_LETTER_BYTES} declares it (a product of integers).
	 */
	static int maxDeadLetterBytes() {
		Matcher matcher = MAX_DEAD_LETTER_BYTES
			.matcher(read(path("service-support/src/main/java/io/eventsuite/support/kafka/DeadLetters.java")));
		if (!matcher.find()) {
			throw new IllegalStateException("DeadLetters.MAX_DEAD_LETTER_BYTES is not a product of integers");
		}
		int bytes = 1;
		for (String factor : matcher.group(1).split("\\*")) {
			bytes *= Integer.parseInt(factor.strip());
		}
		return bytes;
	}

	/**
	 * The HTTP port a service listens on unless told otherwise: the default of
	 * {@code server.port: ${PORT:...}} in its application.yml.
	 */
	static int serverPort(String service) {
		JsonNode yml = Yaml.read(path(service, "src/main/resources/application.yml")).get(0);
		String port = yml.path("server").path("port").asText();
		Matcher matcher = PORT_DEFAULT.matcher(port);
		if (!matcher.matches()) {
			throw new IllegalStateException(service + ": server.port is not ${PORT:<default>} but " + port);
		}
		return Integer.parseInt(matcher.group(1));
	}

	/** The artifactId in a module's pom. */
	static String artifactId(String module) {
		String pom = read(path(module, "pom.xml"));
		String afterParent = pom.substring(pom.indexOf("</parent>"));
		Matcher matcher = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(afterParent);
		if (!matcher.find()) {
			throw new IllegalStateException(module + "/pom.xml has no artifactId");
		}
		return matcher.group(1);
	}

	/** eventsuite-defaults.properties of service-support. */
	static Properties defaults() {
		Properties properties = new Properties();
		try {
			properties.load(
					new StringReader(read(path("service-support/src/main/resources/eventsuite-defaults.properties"))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/**
	 * Environment variables the configuration reads by name through a placeholder, such
	 * as {@code ${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}} or {@code ${PORT:8081}}.
	 */
	static Set<String> placeholderVariables(String service) {
		Set<String> names = new LinkedHashSet<>();
		for (Path file : List.of(path("service-support/src/main/resources/eventsuite-defaults.properties"),
				path(service, "src/main/resources/application.yml"))) {
			Matcher matcher = PLACEHOLDER.matcher(read(file));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/**
	 * Every topic the code declares: each topic of the contract, the dead-letter topic of
	 * each topic a service consumes, found where the services declare them
	 * ({@code topics.declareDeadLetter(Topics.ORDERS)}), and the dead-letter topic of
	 * each service with a Kafka Streams application ({@code @EnableKafkaStreams}), named
	 * {@code <service>-streams-dlt} by the shared defaults.
	 */
	static Set<String> declaredTopics() {
		Set<String> topics = new LinkedHashSet<>();
		Topics.ALL.forEach((topic) -> topics.add(topic.defaultName()));
		for (String service : SERVICES) {
			try (Stream<Path> sources = Files.walk(path(service, "src/main/java"))) {
				sources.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					Matcher matcher = DEAD_LETTER_DECLARATION.matcher(read(file));
					while (matcher.find()) {
						topics.add(contractTopic(matcher.group(1)).defaultName() + DEAD_LETTER_SUFFIX);
					}

				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		streamsServices().forEach((service) -> topics.add(service + "-streams-dlt"));
		return topics;
	}

	/**
	 * The services that run a Kafka Streams application ({@code @EnableKafkaStreams});
	 * each one's application id is its name.
	 */
	static List<String> streamsServices() {
		return SERVICES.stream().filter((service) -> {
			try (Stream<Path> sources = Files.walk(path(service, "src/main/java"))) {
				return sources.filter((file) -> file.toString().endsWith(".java"))
					.anyMatch((file) -> read(file).contains("@EnableKafkaStreams"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	/**
	 * The properties of eventsuite's own {@code @ConfigurationProperties} records, in
	 * service-support and the services ({@code eventsuite.kafka.instance-id}, ...): each
	 * record component under the record's prefix, in kebab case.
	 */
	static Set<String> eventsuiteProperties() {
		Set<String> properties = new LinkedHashSet<>();
		List<String> modules = new java.util.ArrayList<>(SERVICES);
		modules.add("service-support");
		for (String module : modules) {
			try (Stream<Path> sources = Files.walk(path(module, "src/main/java"))) {
				sources.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
					Matcher record = PROPERTIES_RECORD.matcher(read(file));
					while (record.find()) {
						for (String component : record.group(2).replaceAll("<[^>]*>", "").split(",")) {
							Matcher name = COMPONENT_NAME.matcher(component.trim());
							if (name.find()) {
								properties.add(record.group(1) + "." + kebab(name.group(1)));
							}
						}
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return properties;
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static EventTopic<?> contractTopic(String constant) {
		try {
			return (EventTopic<?>) Topics.class.getField(constant).get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Topics." + constant + " is not a topic of the contract", ex);
		}
	}

}
