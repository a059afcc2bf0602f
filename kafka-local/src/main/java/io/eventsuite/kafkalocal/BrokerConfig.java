package io.eventsuite.kafkalocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of one process that is both broker and KRaft controller.
 * Written on every start so that a changed port takes effect; the data it points to is
 * left alone.
 */
final class BrokerConfig {

	static final String FILE_NAME = "server.properties";

	private BrokerConfig() {
	}

	/**
	 * The broker settings, in the order they are written.
	 * @param options ports and data directory
	 * @return setting names to values
	 */
	static Map<String, String> settings(LaunchOptions options) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.bootstrap.servers", "localhost:" + options.controllerPort());
		settings.put("listeners",
				"PLAINTEXT://localhost:" + options.port() + ",CONTROLLER://localhost:" + options.controllerPort());
		settings.put("advertised.listeners", "PLAINTEXT://localhost:" + options.port());
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
		settings.put("log.dirs", options.logDir().toAbsolutePath().toString());
		// One node cannot hold more than one replica of the internal topics.
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		// Consumers on a developer machine should get partitions at once, not after 3s.
		settings.put("group.initial.rebalance.delay.ms", "0");
		// Services declare their topics; a typo in a topic name should fail, not create
		// one.
		settings.put("auto.create.topics.enable", "false");
		settings.put("num.partitions", "6");
		return settings;
	}

	/**
	 * Writes {@code server.properties} into the data directory, creating it if needed.
	 * @param options ports and data directory
	 * @return the absolute path of the written file
	 * @throws IOException if the directory or file cannot be written
	 */
	static Path write(LaunchOptions options) throws IOException {
		Files.createDirectories(options.dataDir());
		Path file = options.dataDir().resolve(FILE_NAME).toAbsolutePath();
		String content = settings(options).entrySet()
			.stream()
			.map((setting) -> setting.getKey() + "=" + escape(setting.getValue()))
			.collect(Collectors.joining("\n", "# Written by kafka-local on every start; edits are overwritten.\n",
					"\n"));
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

	// Properties files treat a backslash as an escape, which would break Windows paths.
	private static String escape(String value) {
		return value.replace("\\", "\\\\");
	}

}
