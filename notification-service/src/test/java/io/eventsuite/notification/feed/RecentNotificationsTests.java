package io.eventsuite.notification.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;

class RecentNotificationsTests {

	@Test
	void keepsTheNewestFirstAndAtMostSoManyPerUser() {
		RecentNotifications recent = new RecentNotifications(2, 10, 100);
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
		RecentNotifications recent = new RecentNotifications(10, 10, 100);
		NotificationSent notification = notification("u");

		assertThat(recent.add(notification)).isTrue();
		assertThat(recent.add(notification)).isFalse();
		assertThat(recent.of("u")).hasSize(1);
	}

	@Test
	void forgetsTheLeastRecentlyNotifiedUsersFirst() {
		RecentNotifications recent = new RecentNotifications(10, 2, 100);
		recent.add(notification("a"));
		recent.add(notification("b"));
		recent.add(notification("c"));

		assertThat(recent.of("a")).isEmpty();
		assertThat(recent.of("b")).hasSize(1);
		assertThat(recent.of("c")).hasSize(1);
	}

	@Test
	void countsWhatItKeepsOnceAndWithinEachUsersBound() {
		RecentNotifications recent = new RecentNotifications(2, 10, 100);
		NotificationSent repeated = notification("a");
		recent.add(repeated);
		recent.add(repeated);
		recent.add(notification("b"));
		recent.add(notification("b"));
		recent.add(notification("b"));

		assertThat(recent.kept()).isEqualTo(3);
	}

	@Test
	void forgetsTheLeastRecentlyNotifiedUsersWhenTooManyAreKeptInAll() {
		RecentNotifications recent = new RecentNotifications(10, 10, 5);
		for (String user : List.of("a", "a", "b", "b", "c", "c")) {
			recent.add(notification(user));
		}

		assertThat(recent.of("a")).isEmpty();
		assertThat(recent.of("b")).hasSize(2);
		assertThat(recent.of("c")).hasSize(2);
		assertThat(recent.kept()).isEqualTo(4);
	}

	@Test
	void aUserReadRecentlyIsForgottenLater() {
		RecentNotifications recent = new RecentNotifications(10, 2, 100);
		recent.add(notification("a"));
		recent.add(notification("b"));
		recent.of("a");
		recent.add(notification("c"));

		assertThat(recent.of("a")).hasSize(1);
		assertThat(recent.of("b")).isEmpty();
	}

	@Test
	void oneUserKeepsNoMoreThanTheBoundInAll() {
		RecentNotifications recent = new RecentNotifications(10, 10, 3);
		List<NotificationSent> sent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			NotificationSent notification = notification("a");
			recent.add(notification);
			sent.add(0, notification);
		}

		assertThat(recent.of("a")).containsExactlyElementsOf(sent.subList(0, 3));
		assertThat(recent.kept()).isEqualTo(3);
	}

	private static NotificationSent notification(String userId) {
		return new NotificationSent(UUID.randomUUID(), userId, NotificationKind.ORDER_PLACED, "t", "b", "e",
				Instant.now());
	}

}
