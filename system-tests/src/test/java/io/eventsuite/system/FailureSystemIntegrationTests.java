package io.eventsuite.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.eventsuite.test.KafkaCluster;
import io.eventsuite.test.RawTopicReader;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceProcess;
import io.eventsuite.test.SseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	private static final String ORDER = """
			{"customerId":"%s","currency":"EUR","items":[{"sku":"A","quantity":1,"unitPrice":1}]}""";

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
		assertEveryAcceptedOrderExactlyOnceThrough((load) -> {
			cluster.kill(cluster.leaderOf("orders", 0));
			load.awaitMoreAccepted(100);
		});
	}

	@Test
	void killingOneOfTwoNotificationInstancesMidStreamLosesAndDuplicatesNoNotification() {
		try (ServiceProcess second = ServiceProcess.start("notification-service", cluster.bootstrapServers(),
				REPLICATED)) {
			cluster.awaitGroupMembers("notification-service", 2);
			assertEveryAcceptedOrderExactlyOnceThrough((load) -> {
				second.kill();
				load.awaitMoreAccepted(100);
			});
		}
	}

	@Test
	void malformedRecordsOnEveryConsumedTopicAreDeadLetteredAndTheRecordsBehindThemFlow() {
		String customer = "poisoned-" + UUID.randomUUID();
		String idempotencyKey = UUID.randomUUID().toString();
		String orderId = UUID.nameUUIDFromBytes((customer + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
			.toString();
		String room = "poisoned-room-" + UUID.randomUUID();
		long notificationPid = notificationService.pid();
		ServiceClient notifications = notificationService.client();
		try (PoisonPills pills = new PoisonPills(cluster.bootstrapServers());
				SseClient userStream = SseClient
					.connect(notifications.uri("/api/notifications/" + customer + "/stream"));
				SseClient roomStream = SseClient.connect(notifications.uri("/api/chat/rooms/" + room + "/stream"))) {
			pills.writeAll("orders", orderId, "eventsuite.order.placed.v1");
			pills.writeAll("notifications", customer, "eventsuite.notification.sent.v1");
			pills.writeAll("chat-messages", room, "eventsuite.chat.message-sent.v1");

			HttpResponse<String> placed = orderService.client()
				.postJson("/api/orders",
						"{\"customerId\":\"" + customer
								+ "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}]}",
						"Idempotency-Key", idempotencyKey);
			assertThat(ServiceClient.json(placed).get("orderId").asString()).isEqualTo(orderId);
			assertThat(notifications
				.postJson("/api/chat/rooms/" + room + "/messages", "{\"senderId\":\"bob\",\"text\":\"still here\"}")
				.statusCode()).isEqualTo(202);

			assertThat(userStream.awaitEvents(1).get(0).get("body").asString()).contains(orderId);
			assertThat(roomStream.awaitEvents(1).get(0).get("text").asString()).isEqualTo("still here");
			for (String[] topicAndKey : new String[][] { { "orders", orderId }, { "notifications", customer },
					{ "chat-messages", room } }) {
				try (RawTopicReader deadLetters = RawTopicReader.of(topicAndKey[0] + "-dlt",
						cluster.bootstrapServers())) {
					assertThat(
							deadLetters.awaitRecords(PoisonPills.KINDS.size(), (r) -> topicAndKey[1].equals(r.key())))
						.as("dead letters of %s", topicAndKey[0])
						.hasSizeGreaterThanOrEqualTo(PoisonPills.KINDS.size());
				}
			}
		}
		assertThat(notificationService.pid()).as("notification-service did not restart").isEqualTo(notificationPid);
		assertThat(notificationService.isAlive()).isTrue();
	}

	@Test
	void withEveryBrokerDownTheApisAnswer503FastAndRecoverByThemselves() {
		ServiceClient orders = orderService.client();
		ServiceClient notifications = notificationService.client();
		long orderPid = orderService.pid();
		cluster.nodeIds().forEach(cluster::stop);

		long start = System.nanoTime();
		HttpResponse<String> refused = orders.postJson("/api/orders", ORDER.formatted("outage"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(notifications.postJson("/api/chat/rooms/outage/messages", "{\"senderId\":\"a\",\"text\":\"b\"}")
			.statusCode()).isEqualTo(503);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> orders.get("/actuator/health/readiness").statusCode() == 503);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> notifications.get("/actuator/health/readiness").statusCode() == 503);
		assertThat(orders.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(notifications.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		cluster.nodeIds().forEach(cluster::restart);
		cluster.awaitNodes(3);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> orders.get("/actuator/health/readiness").statusCode() == 200);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> notifications.get("/actuator/health/readiness").statusCode() == 200);
		HttpResponse<String> accepted = await().atMost(Duration.ofSeconds(60))
			.until(() -> orders.postJson("/api/orders", ORDER.formatted("after-outage")), (r) -> r.statusCode() == 202);
		String orderId = ServiceClient.json(accepted).get("orderId").asString();
		try (Ledger ledger = new Ledger(cluster.bootstrapServers()).awaitNotified(Set.of(orderId))) {
			assertThat(ledger.notExactlyOnce(Set.of(orderId))).isEmpty();
		}
		assertThat(orderService.pid()).as("order-service was not restarted").isEqualTo(orderPid);
	}

	@Test
	void sigtermToOrderServiceUnderLoadLosesNoAcceptedOrder() {
		assertEveryAcceptedOrderExactlyOnceThrough((load) -> orderService.close());
	}

	/**
	 * Places orders under load, breaks something half way, and checks that every order
	 * answered {@code 202} is in the topic exactly once and notified exactly once.
	 * @param failure what breaks, given the running load
	 */
	private static void assertEveryAcceptedOrderExactlyOnceThrough(Consumer<OrderLoad> failure) {
		Set<String> accepted;
		String outcomes;
		try (OrderLoad load = OrderLoad.start(orderService.client(), 4)) {
			load.awaitMoreAccepted(100);
			failure.accept(load);
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
