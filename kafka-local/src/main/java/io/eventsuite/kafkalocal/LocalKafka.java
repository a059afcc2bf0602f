package io.eventsuite.kafkalocal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import kafka.Kafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a real single-node Kafka broker on {@code localhost:9092} for running the suite
 * without Docker. It writes the configuration into the data directory, formats the
 * storage on the first run only, and then hands over to Kafka's own {@code main}, which
 * blocks until the process is told to stop. Kafka installs a shutdown hook, so Ctrl-C or
 * SIGTERM closes the logs cleanly.
 * <p>
 * Exit status 2 means bad arguments or a port already in use.
 */
public final class LocalKafka {

	static final int EXIT_USAGE = 2;

	private static final Logger logger = LoggerFactory.getLogger(LocalKafka.class);

	private LocalKafka() {
	}

	/**
	 * Runs the broker until the process is stopped.
	 * @param args {@code --data-dir DIR}, {@code --port N}, {@code --controller-port N}
	 * @throws IOException if the data directory cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (Arrays.asList(args).contains("--help")) {
			logger.info(LaunchOptions.USAGE);
			return;
		}
		LaunchOptions options;
		try {
			options = LaunchOptions.parse(args, System.getProperties());
		}
		catch (IllegalArgumentException ex) {
			logger.error("{}. {}", ex.getMessage(), LaunchOptions.USAGE);
			System.exit(EXIT_USAGE);
			return;
		}
		String busyPort = firstBusyPort(options);
		if (busyPort != null) {
			logger.error(busyPort);
			System.exit(EXIT_USAGE);
			return;
		}
		Path config = prepare(options);
		logger.info("Starting Kafka on localhost:{} (controller on {}), data in {}", options.port(),
				options.controllerPort(), options.dataDir().toAbsolutePath());
		Kafka.main(new String[] { config.toString() });
	}

	/**
	 * Writes the configuration and formats the storage if this is the first run.
	 * @param options ports and data directory
	 * @return the configuration file to start Kafka with
	 * @throws IOException if the data directory cannot be written
	 */
	static Path prepare(LaunchOptions options) throws IOException {
		Path config = BrokerConfig.write(options);
		if (!Storage.isFormatted(options.logDir())) {
			logger.info("First run in this data directory: {}", Storage.format(config));
		}
		return config;
	}

	/**
	 * The message for the first port that is already taken, if any.
	 * @param options the ports to check
	 * @return a one-line message, or {@code null} if both ports are free
	 */
	static String firstBusyPort(LaunchOptions options) {
		if (!Ports.isFree(options.port())) {
			return Ports.inUseMessage(options.port(), "--port");
		}
		if (!Ports.isFree(options.controllerPort())) {
			return Ports.inUseMessage(options.controllerPort(), "--controller-port");
		}
		return null;
	}

}
