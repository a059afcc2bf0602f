package io.eventsuite.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * A KRaft cluster of separate JVMs, each node broker and controller, started from Apache
 * Kafka's own server jars ({@code kafka.Kafka}, storage formatted by
 * {@code kafka.tools.StorageTool}): what production runs, on loopback. Nodes can be
 * killed ({@code kill -9}), stopped and started again on the same data.
 * <p>
 * The server classpath is kafka-local's packaged jar and its {@code lib/} folder, found
 * through the system properties {@code eventsuite.jars} (the repository root) and
 * {@code eventsuite.version}; node logs and data go under {@code eventsuite.logs}.
 */
public final class KafkaCluster implements AutoCloseable {

	/**
	 * Every port {@link #freePorts} has returned in this JVM: a few hundred in a whole
	 * test run.
	 */
	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private final Path directory;

	private final List<Node> nodes = new ArrayList<>();

	private final String clusterId = Uuid.randomUuid().toString();

	private KafkaCluster(Path directory, int size) {
		this.directory = directory;
		int[] ports = freePorts(2 * size);
		for (int id = 1; id <= size; id++) {
			this.nodes.add(new Node(id, ports[2 * id - 2], ports[2 * id - 1]));
		}
	}

	/**
	 * Formats and starts a cluster, and waits until every node is in it.
	 * @param size how many nodes
	 * @return the running cluster, to be closed
	 */
	public static KafkaCluster start(int size) {
		Path directory = Path.of(System.getProperty("eventsuite.logs"), "kafka-cluster-" + System.nanoTime());
		KafkaCluster cluster = new KafkaCluster(directory, size);
		cluster.nodes.forEach(cluster::format);
		cluster.nodes.forEach(cluster::start);
		cluster.awaitNodes(size);
		return cluster;
	}

	/**
	 * Where clients connect.
	 * @return every node's {@code localhost:port}, comma separated
	 */
	public String bootstrapServers() {
		return this.nodes.stream().map((node) -> "localhost:" + node.port()).collect(Collectors.joining(","));
	}

	/**
	 * An admin client of this cluster.
	 * @return a new client, to be closed
	 */
	public Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
	}

	/**
	 * The node that leads a partition now.
	 * @param topic the topic
	 * @param partition the partition
	 * @return the leader's node id
	 */
	public int leaderOf(String topic, int partition) {
		try (Admin admin = admin()) {
			return admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(topic)
				.partitions()
				.get(partition)
				.leader()
				.id();
		}
		catch (Exception ex) {
			throw new IllegalStateException("No leader for " + topic + "-" + partition, ex);
		}
	}

	/** Ends a node the hard way: SIGKILL, no shutdown, no flush. */
	public void kill(int nodeId) {
		node(nodeId).process().destroyForcibly();
		waitFor(node(nodeId));
	}

	/** Stops a node with SIGTERM and waits for its clean shutdown. */
	public void stop(int nodeId) {
		node(nodeId).process().destroy();
		waitFor(node(nodeId));
	}

	/** Starts a stopped or killed node again, on its data. */
	public void restart(int nodeId) {
		start(node(nodeId));
	}

	/**
	 * Starts a node again if it is down.
	 * @param nodeId the node
	 */
	public void restartIfDown(int nodeId) {
		Node node = node(nodeId);
		if (!node.running()) {
			start(node);
		}
	}

	/**
	 * Waits until the cluster has this many live brokers.
	 * @param count how many
	 */
	public void awaitNodes(int count) {
		await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
			try (Admin admin = admin()) {
				return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count;
			}
		});
	}

	/**
	 * Waits until a consumer group has this many members.
	 * @param group the group id
	 * @param count how many members
	 */
	public void awaitGroupMembers(String group, int count) {
		await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
			try (Admin admin = admin()) {
				return admin.describeConsumerGroups(List.of(group))
					.all()
					.get(5, TimeUnit.SECONDS)
					.get(group)
					.members()
					.size() == count;
			}
		});
	}

	/**
	 * Where the nodes' configuration, logs and (until {@link #close}) data are.
	 * @return the directory, under {@code eventsuite.logs}
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The ids of the nodes, running or not.
	 * @return from 1 to the cluster size
	 */
	public List<Integer> nodeIds() {
		return this.nodes.stream().map(Node::id).toList();
	}

	/**
	 * The process ids of the nodes that run, for what reads their CPU or memory.
	 * @return by node id, in node order
	 */
	public Map<Integer, Long> pids() {
		Map<Integer, Long> pids = new LinkedHashMap<>();
		for (Node node : this.nodes) {
			if (node.running()) {
				pids.put(node.id(), node.process().pid());
			}
		}
		return pids;
	}

	/**
	 * Stops every node and deletes their data; their logs stay.
	 */
	@Override
	public void close() {
		for (Node node : this.nodes) {
			if (node.running()) {
				node.process().destroyForcibly();
				waitFor(node);
			}
		}
		// A benchmark's broker writes gigabytes; kept, they filled the disk after a few
		// dozen runs.
		for (Node node : this.nodes) {
			deleteRecursively(dataDirectory(node));
		}
	}

	private Path dataDirectory(Node node) {
		return this.directory.resolve("data-" + node.id());
	}

	private static void deleteRecursively(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + directory, ex);
		}
	}

	private void format(Node node) {
		Path config = writeConfig(node);
		Process format = launch(node, "format", "kafka.tools.StorageTool", "format", "-t", this.clusterId, "-c",
				config.toString());
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("Formatting node " + node.id() + " failed, see " + this.directory);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void start(Node node) {
		node.process = launch(node, "broker", "kafka.Kafka", config(node).toString());
	}

	private Process launch(Node node, String role, String mainClass, String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						kafkaClasspath(), mainClass));
		command.addAll(List.of(args));
		try {
			Path log = this.directory.resolve("node-" + node.id() + "-" + role + ".log");
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path writeConfig(Node node) {
		String voters = this.nodes.stream()
			.map((n) -> n.id() + "@localhost:" + n.controllerPort())
			.collect(Collectors.joining(","));
		List<String> lines = List.of("process.roles=broker,controller", "node.id=" + node.id(),
				"controller.quorum.voters=" + voters,
				"listeners=PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://localhost:" + node.controllerPort(),
				"advertised.listeners=PLAINTEXT://localhost:" + node.port(), "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + dataDirectory(node).toAbsolutePath(),
				"offsets.topic.replication.factor=" + Math.min(3, this.nodes.size()),
				"transaction.state.log.replication.factor=" + Math.min(3, this.nodes.size()),
				"transaction.state.log.min.isr=" + Math.min(2, this.nodes.size()), "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=false", "unclean.leader.election.enable=false",
				// A killed consumer's partitions move on after its session times out: 10
				// s instead of 45 s.
				"group.consumer.min.session.timeout.ms=5000", "group.consumer.session.timeout.ms=10000");
		try {
			Files.createDirectories(this.directory);
			Path file = config(node);
			Files.write(file, lines);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path config(Node node) {
		return this.directory.resolve("node-" + node.id() + ".properties").toAbsolutePath();
	}

	private Node node(int id) {
		return this.nodes.get(id - 1);
	}

	private static void waitFor(Node node) {
		try {
			if (!node.process().waitFor(60, TimeUnit.SECONDS)) {
				node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String kafkaClasspath() {
		Path kafkaLocal = Path.of(System.getProperty("eventsuite.jars"), "kafka-local", "target");
		return kafkaLocal.resolve("kafka-local-" + System.getProperty("eventsuite.version") + ".jar") + ":"
				+ kafkaLocal.resolve("lib") + "/*";
	}

	/**
	 * A port nothing listens on now.
	 * @return the port
	 */
	public static int freePort() {
		return freePorts(1)[0];
	}

	/**
	 * Ports nothing listens on now, all different, and none handed out before by this
	 * JVM. Each is held open until all are found, because the system may hand a port it
	 * just gave back out again (a node once got the same port for its clients and its
	 * controller, and failed to format). And a port handed out earlier may be one a
	 * process started just before has not bound yet: Linux picks a free port at random,
	 * so among a few hundred taken one after the other, two are likely to be the same.
	 * @param count how many
	 * @return the ports
	 */
	public static int[] freePorts(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			int[] ports = new int[count];
			int found = 0;
			while (found < count) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				if (HANDED_OUT.add(socket.getLocalPort())) {
					ports[found++] = socket.getLocalPort();
				}
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// Closing a listening socket that accepted nothing; nothing to do.
				}
			}
		}
	}

	/**
	 * One node: its id, client port and controller port, and its process while it runs.
	 */
	private static final class Node {

		private final int id;

		private final int port;

		private final int controllerPort;

		private Process process;

		Node(int id, int port, int controllerPort) {
			this.id = id;
			this.port = port;
			this.controllerPort = controllerPort;
		}

		int id() {
			return this.id;
		}

		int port() {
			return this.port;
		}

		int controllerPort() {
			return this.controllerPort;
		}

		Process process() {
			return this.process;
		}

		// Started, and not stopped or crashed since.
		boolean running() {
			return this.process != null && this.process.isAlive();
		}

	}

}
