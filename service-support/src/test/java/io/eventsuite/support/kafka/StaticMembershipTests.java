package io.eventsuite.support.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaticMembershipTests {

	@Test
	void withoutAnInstanceNameMembershipStaysDynamic() {
		assertThat(new StaticMembership(new StaticMembership.Properties("")).properties("listener")).isEmpty();
	}

	@Test
	void theInstanceNameAndListenerIdMakeTheMemberId() {
		assertThat(new StaticMembership(new StaticMembership.Properties("pod-7")).properties("order-notifications"))
			.containsExactly("group.instance.id=pod-7-order-notifications");
	}

}
