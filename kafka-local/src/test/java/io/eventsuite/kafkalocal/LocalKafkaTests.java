package io.eventsuite.kafkalocal;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The launcher's own logic, without starting a broker: options, the written
 * configuration, the port check and formatting only once.
 */
class LocalKafkaTests {

	@TempDir
	Path dataDir;

	@Test
	void defaultsMatchWhatTheServicesExpect() {
		LaunchOptions options = LaunchOptions.parse(new String[0], new Properties());

		assertThat(options).isEqualTo(new LaunchOptions(Path.of(".run/kafka"), 9092, 9093));
		assertThat(options.logDir()).isEqualTo(Path.of(".run/kafka/logs"));
	}

	@Test
	void argumentsWinOverSystemProperties() {
		Properties systemProperties = new Properties();
		systemProperties.setProperty("kafka-local.port", "29092");
		systemProperties.setProperty("kafka-local.data-dir", "/from/property");

		LaunchOptions options = LaunchOptions
			.parse(new String[] { "--data-dir", "/from/args", "--controller-port=29093" }, systemProperties);

		assertThat(options).isEqualTo(new LaunchOptions(Path.of("/from/args"), 29092, 29093));
	}

	@Test
	void rejectsUnknownArgumentsMissingValuesAndBadPorts() {
		Properties none = new Properties();
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "--prot", "1" }, none))
			.withMessageContaining("--prot");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "--port" }, none))
			.withMessageContaining("Missing value for --port");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "--port", "x" }, none))
			.withMessageContaining("must be a number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--port", "70000" }, none))
			.withMessageContaining("between 1 and 65535");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LaunchOptions.parse(new String[] { "--port", "9093" }, none))
			.withMessageContaining("must differ");
	}

	@Test
	void writesSingleNodeKRaftConfigurationIntoTheDataDirectory() throws IOException {
		Path file = BrokerConfig.write(new LaunchOptions(this.dataDir, 19092, 19093));

		assertThat(file).isEqualTo(this.dataDir.resolve("server.properties").toAbsolutePath());
		Properties written = load(file);
		assertThat(written).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.bootstrap.servers", "localhost:19093")
			.containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
			.containsEntry("advertised.listeners", "PLAINTEXT://localhost:19092")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT")
			.containsEntry("log.dirs", this.dataDir.resolve("logs").toAbsolutePath().toString())
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0")
			.containsEntry("auto.create.topics.enable", "false")
			.containsEntry("num.partitions", "6");
	}

	@Test
	void rewritesConfigurationWhenPortsChange() throws IOException {
		BrokerConfig.write(new LaunchOptions(this.dataDir, 19092, 19093));

		Path file = BrokerConfig.write(new LaunchOptions(this.dataDir, 29092, 29093));

		assertThat(load(file)).containsEntry("advertised.listeners", "PLAINTEXT://localhost:29092");
	}

	@Test
	void portInUseIsReportedInOneLineNamingTheOptionToChange() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", 0));
			int port = taken.getLocalPort();

			assertThat(Ports.isFree(port)).isFalse();
			assertThat(LocalKafka.firstBusyPort(new LaunchOptions(this.dataDir, port, freePort()))).isEqualTo("Port "
					+ port + " is already in use: stop whatever listens there (lsof -i :" + port + ") or pass --port");
			assertThat(LocalKafka.firstBusyPort(new LaunchOptions(this.dataDir, freePort(), port)))
				.endsWith("or pass --controller-port")
				.doesNotContain("\n");
		}
	}

	@Test
	void freePortsPassTheCheck() throws IOException {
		int[] ports = freePorts(2);

		assertThat(Ports.isFree(ports[0])).isTrue();
		assertThat(LocalKafka.firstBusyPort(new LaunchOptions(this.dataDir, ports[0], ports[1]))).isNull();
	}

	@Test
	void formatsStorageOnlyOnceSoDataSurvivesRestarts() throws IOException {
		LaunchOptions options = new LaunchOptions(this.dataDir, 19092, 19093);
		assertThat(Storage.isFormatted(options.logDir())).isFalse();

		LocalKafka.prepare(options);
		String clusterId = load(options.logDir().resolve("meta.properties")).getProperty("cluster.id");
		LocalKafka.prepare(options);

		assertThat(Storage.isFormatted(options.logDir())).isTrue();
		assertThat(clusterId).isNotBlank();
		assertThat(load(options.logDir().resolve("meta.properties"))).containsEntry("cluster.id", clusterId);
	}

	static int freePort() throws IOException {
		return freePorts(1)[0];
	}

	// Each socket stays open until all ports are found: the system may hand a port it
	// just gave back out again, and a broker's two ports must differ.
	static int[] freePorts(int count) throws IOException {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket();
				sockets.add(socket);
				socket.bind(new InetSocketAddress("localhost", 0));
			}
			return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		return properties;
	}

}
