package io.eventsuite.kafkalocal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the local broker keeps its data and which ports it listens on. Each option comes
 * from the command line, else from a {@code kafka-local.*} system property, else a
 * default that matches what the services expect ({@code localhost:9092}).
 *
 * @param dataDir holds {@code server.properties} and the broker's logs; kept between runs
 * @param port the port clients connect to
 * @param controllerPort the port of the KRaft controller inside the same process
 */
record LaunchOptions(Path dataDir, int port, int controllerPort) {

	static final String USAGE = "Usage: LocalKafka [--data-dir DIR] [--port N] [--controller-port N]"
			+ " (defaults .run/kafka, 9092, 9093; also -Dkafka-local.data-dir, -Dkafka-local.port,"
			+ " -Dkafka-local.controller-port)";

	private static final Map<String, String> DEFAULTS = Map.of("data-dir", ".run/kafka", "port", "9092",
			"controller-port", "9093");

	LaunchOptions {
		requireValidPort("--port", port);
		requireValidPort("--controller-port", controllerPort);
		if (port == controllerPort) {
			throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
		}
	}

	/**
	 * Reads {@code --name value} or {@code --name=value} pairs, falling back to system
	 * properties and then to the defaults.
	 * @param args the command line
	 * @param systemProperties where {@code kafka-local.*} fallbacks are looked up
	 * @return the options
	 * @throws IllegalArgumentException on an unknown option, a missing value or a bad
	 * port
	 */
	static LaunchOptions parse(String[] args, Properties systemProperties) {
		Map<String, String> values = new LinkedHashMap<>();
		DEFAULTS.forEach(
				(name, fallback) -> values.put(name, systemProperties.getProperty("kafka-local." + name, fallback)));
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg.startsWith("--") ? arg.substring(2) : arg;
			String value = null;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (!arg.startsWith("--") || !DEFAULTS.containsKey(name)) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "'");
			}
			if (value == null) {
				if (i + 1 == args.length) {
					throw new IllegalArgumentException("Missing value for --" + name);
				}
				value = args[++i];
			}
			values.put(name, value);
		}
		return new LaunchOptions(Path.of(values.get("data-dir")), parsePort("port", values.get("port")),
				parsePort("controller-port", values.get("controller-port")));
	}

	/**
	 * The directory Kafka writes partitions and its metadata log into.
	 * @return the log directory inside the data directory
	 */
	Path logDir() {
		return this.dataDir.resolve("logs");
	}

	private static int parsePort(String name, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
		}
	}

	private static void requireValidPort(String name, int port) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 1 and 65535, not " + port);
		}
	}

}
