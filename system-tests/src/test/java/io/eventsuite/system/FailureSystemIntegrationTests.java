package io.eventsuite.system;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens when things break, on a three-node cluster of separate JVMs
 * ({@code orders} with three replicas and {@code min.insync.replicas=2}) and the
 * services' own jars as processes. Every scenario counts: each order the API accepted
 * with {@code 202} must be in the topic exactly once and notified exactly once.
 */
class FailureSystemIntegrationTests {

	private static final String[] REPLICATED = { "--eventsuite.topics.orders.replicas=3",
			"--eventsuite.topics.orders.config.min.insync.replicas=2", "--eventsuite.topics.notifications.replicas=3",
			"--eventsuite.topics.notifications.config.min.insync.replicas=2",
			"--eventsuite.topics.chat-messages.replicas=3",
			"--eventsuite.topics.chat-messages.config.min.insync.replicas=2" };

	private static KafkaCluster cluster;

	private static ServiceProcess orderService;

	private static ServiceProcess notificationService;

	@BeforeAll
	static void startClusterAndServices() {
		cluster = KafkaCluster.start(3);
		orderService = ServiceProcess.start("order-service", cluster.bootstrapServers(), REPLICATED);
		notificationService = ServiceProcess.start("notification-service", cluster.bootstrapServers(), REPLICATED);
	}

	@AfterEach
	void restoreEverything() {
		for (int nodeId : cluster.nodeIds()) {
			cluster.restartIfDown(nodeId);
		}
		cluster.awaitNodes(3);
		if (!orderService.isAlive()) {
			orderService = ServiceProcess.start("order-service", cluster.bootstrapServers(), REPLICATED);
		}
	}

	@AfterAll
	static void stopEverything() {
		if (notificationService != null) {
			notificationService.close();
		}
		if (orderService != null) {
			orderService.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void killingTheLeaderOfAnOrdersPartitionUnderLoadLosesAndDuplicatesNoAcceptedOrder() {
		Set<String> accepted;
		String outcomes;
		try (OrderLoad load = OrderLoad.start(orderService.client(), 4)) {
			load.awaitMoreAccepted(100);
			cluster.kill(cluster.leaderOf("orders", 0));
			load.awaitMoreAccepted(100);
			load.stop();
			accepted = load.accepted();
			outcomes = load.outcomes().toString();
		}

		try (Ledger ledger = new Ledger(cluster.bootstrapServers()).awaitNotified(accepted)) {
			assertThat(ledger.notExactlyOnce(accepted))
				.as("accepted %d orders, requests got %s", accepted.size(), outcomes)
				.isEmpty();
		}
	}

	@Test
	void sigtermToOrderServiceUnderLoadLosesNoAcceptedOrder() {
		Set<String> accepted;
		String outcomes;
		try (OrderLoad load = OrderLoad.start(orderService.client(), 4)) {
			load.awaitMoreAccepted(100);
			orderService.close();
			load.stop();
			accepted = load.accepted();
			outcomes = load.outcomes().toString();
		}

		assertThat(accepted).hasSizeGreaterThanOrEqualTo(100);
		try (Ledger ledger = new Ledger(cluster.bootstrapServers()).awaitNotified(accepted)) {
			assertThat(ledger.notExactlyOnce(accepted))
				.as("accepted %d orders, requests got %s", accepted.size(), outcomes)
				.isEmpty();
		}
	}

}
