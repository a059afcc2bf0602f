package io.eventsuite.notification.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;

import io.eventsuite.test.EventWriter;
import io.eventsuite.test.KafkaIntegrationTest;
import io.eventsuite.test.TestKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Naming the instance switches on static membership for the group listener: the broker
 * knows the member by that name, so a restart within the session timeout gets its
 * partitions back without a rebalance.
 */
// Closed after the class: a context in a group of its own would notify every later test's
// order events a second time.
@DirtiesContext
@KafkaIntegrationTest(properties = { "eventsuite.kafka.instance-id=pod-7",
		"eventsuite.notifications.group-id=" + StaticMembershipIntegrationTests.GROUP })
class StaticMembershipIntegrationTests {

	static final String GROUP = "notification-service-static";

	@BeforeAll
	static void ordersTopicExists() {
		EventWriter.ensureTopic("orders");
	}

	@Test
	void theGroupMemberIsKnownByTheInstanceName() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()))) {
			List<MemberDescription> members = await().pollInSameThread()
				.atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> List.copyOf(admin.describeConsumerGroups(List.of(GROUP))
					.all()
					.get(5, TimeUnit.SECONDS)
					.get(GROUP)
					.members()), (list) -> !list.isEmpty());

			// spring-kafka appends the consumer's index, so that a listener with several
			// consumers stays unique.
			assertThat(members).extracting((member) -> member.groupInstanceId().orElse(null))
				.containsExactly("pod-7-order-notifications-0");
		}
	}

}
