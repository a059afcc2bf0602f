package io.eventsuite.notification.feed;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;

class RecentNotificationsTests {

	@Test
	void keepsTheNewestFirstAndAtMostSoManyPerUser() {
		RecentNotifications recent = new RecentNotifications(2, 10);
		NotificationSent first = notification("u");
		NotificationSent second = notification("u");
		NotificationSent third = notification("u");

		recent.add(first);
		recent.add(second);
		recent.add(third);

		assertThat(recent.of("u")).containsExactly(third, second);
	}

	@Test
	void aRedeliveredNotificationIsKeptOnce() {
		RecentNotifications recent = new RecentNotifications(10, 10);
		NotificationSent notification = notification("u");

		assertThat(recent.add(notification)).isTrue();
		assertThat(recent.add(notification)).isFalse();
		assertThat(recent.of("u")).hasSize(1);
	}

	@Test
	void forgetsTheLeastRecentlyNotifiedUsersFirst() {
		RecentNotifications recent = new RecentNotifications(10, 2);
		recent.add(notification("a"));
		recent.add(notification("b"));
		recent.add(notification("c"));

		assertThat(recent.of("a")).isEmpty();
		assertThat(recent.of("b")).hasSize(1);
		assertThat(recent.of("c")).hasSize(1);
	}

	private static NotificationSent notification(String userId) {
		return new NotificationSent(UUID.randomUUID(), userId, NotificationKind.ORDER_PLACED, "t", "b", "e",
				Instant.now());
	}

}
