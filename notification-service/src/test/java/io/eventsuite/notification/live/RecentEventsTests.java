package io.eventsuite.notification.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventsTests {

	@Test
	void keepsTheNewestFirstAndAtMostSoManyPerUser() {
		RecentEvents<NotificationSent> recent = recent(2, 10, 100);
		List<NotificationSent> sent = addThree(recent);

		assertThat(recent.of("u")).containsExactly(sent.get(2), sent.get(1));
	}

	@Test
	void aRedeliveredNotificationIsKeptOnce() {
		RecentEvents<NotificationSent> recent = recent(10, 10, 100);
		NotificationSent notification = notification("u");

		assertThat(add(recent, notification)).isTrue();
		assertThat(add(recent, notification)).isFalse();
		assertThat(recent.of("u")).hasSize(1);
	}

	@Test
	void forgetsTheLeastRecentlyNotifiedUsersFirst() {
		RecentEvents<NotificationSent> recent = recent(10, 2, 100);
		add(recent, notification("a"));
		add(recent, notification("b"));
		add(recent, notification("c"));

		assertThat(recent.of("a")).isEmpty();
		assertThat(recent.of("b")).hasSize(1);
		assertThat(recent.of("c")).hasSize(1);
	}

	@Test
	void countsWhatItKeepsOnceAndWithinEachUsersBound() {
		RecentEvents<NotificationSent> recent = recent(2, 10, 100);
		NotificationSent repeated = notification("a");
		add(recent, repeated);
		add(recent, repeated);
		add(recent, notification("b"));
		add(recent, notification("b"));
		add(recent, notification("b"));

		assertThat(recent.kept()).isEqualTo(3);
	}

	@Test
	void forgetsTheLeastRecentlyNotifiedUsersWhenTooManyAreKeptInAll() {
		RecentEvents<NotificationSent> recent = recent(10, 10, 5);
		for (String user : List.of("a", "a", "b", "b", "c", "c")) {
			add(recent, notification(user));
		}

		assertThat(recent.of("a")).isEmpty();
		assertThat(recent.of("b")).hasSize(2);
		assertThat(recent.of("c")).hasSize(2);
		assertThat(recent.kept()).isEqualTo(4);
	}

	@Test
	void forgetsTheLeastRecentlyNotifiedUsersWhenWhatIsKeptWeighsTooMuch() {
		RecentEvents<NotificationSent> recent = recent(new RecentEvents.Limits(10, 10, 100, 1_000));
		add(recent, notification("a", 300));
		add(recent, notification("b", 300));
		add(recent, notification("c", 300));
		assertThat(recent.keptBytes()).isEqualTo(900);

		add(recent, notification("d", 300));

		assertThat(recent.of("a")).isEmpty();
		assertThat(recent.of("b")).hasSize(1);
		assertThat(recent.of("d")).hasSize(1);
		assertThat(recent.keptBytes()).isEqualTo(900);
		assertThat(recent.kept()).isEqualTo(3);
	}

	@Test
	void aUserWhoseNotificationsWeighTooMuchOnTheirOwnLosesTheOldest() {
		RecentEvents<NotificationSent> recent = recent(new RecentEvents.Limits(10, 10, 100, 1_000));
		add(recent, notification("a", 10));
		List<NotificationSent> sent = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			NotificationSent notification = notification("b", 400);
			add(recent, notification);
			sent.add(0, notification);
		}

		assertThat(recent.of("b")).containsExactlyElementsOf(sent.subList(0, 2));
		assertThat(recent.of("a")).as("kept: b's oldest went first").hasSize(1);
		assertThat(recent.keptBytes()).isEqualTo(810);
	}

	@Test
	void countsTheBytesOfWhatItForgetsAndOfARepeatOnce() {
		RecentEvents<NotificationSent> recent = recent(new RecentEvents.Limits(2, 10, 100, 10_000));
		NotificationSent repeated = notification("a", 100);
		add(recent, repeated);
		add(recent, repeated);
		add(recent, notification("a", 200));
		add(recent, notification("a", 300));

		assertThat(recent.keptBytes()).as("the first forgotten, the repeat not counted").isEqualTo(500);
	}

	@Test
	void aNotificationHeavierThanAllThatMayBeKeptIsNotKept() {
		RecentEvents<NotificationSent> recent = recent(new RecentEvents.Limits(10, 10, 100, 1_000));
		add(recent, notification("a", 10));

		assertThat(add(recent, notification("b", 1_001))).as("new, so broadcast").isTrue();

		assertThat(recent.of("b")).isEmpty();
		assertThat(recent.kept()).isZero();
		assertThat(recent.keptBytes()).isZero();
	}

	@Test
	void aUserReadRecentlyIsForgottenLater() {
		RecentEvents<NotificationSent> recent = recent(10, 2, 100);
		add(recent, notification("a"));
		add(recent, notification("b"));
		recent.of("a");
		add(recent, notification("c"));

		assertThat(recent.of("a")).hasSize(1);
		assertThat(recent.of("b")).isEmpty();
	}

	@Test
	void oneUserKeepsNoMoreThanTheBoundInAll() {
		RecentEvents<NotificationSent> recent = recent(10, 10, 3);
		List<NotificationSent> sent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			NotificationSent notification = notification("a");
			add(recent, notification);
			sent.add(0, notification);
		}

		assertThat(recent.of("a")).containsExactlyElementsOf(sent.subList(0, 3));
		assertThat(recent.kept()).isEqualTo(3);
	}

	@Test
	void whatAClientMissedIsWhatCameAfterTheLastItSawOldestFirst() {
		RecentEvents<NotificationSent> recent = recent(10, 10, 100);
		List<NotificationSent> sent = addThree(recent);

		assertThat(recent.after("u", id(sent.get(0)))).containsExactly(sent.get(1), sent.get(2));
		assertThat(recent.after("u", id(sent.get(2)))).isEmpty();
	}

	@Test
	void aClientWhoseLastEventWasForgottenGetsAllThatIsKept() {
		RecentEvents<NotificationSent> recent = recent(2, 10, 100);
		List<NotificationSent> sent = addThree(recent);

		assertThat(recent.after("u", id(sent.get(0)))).as("the first forgotten")
			.containsExactly(sent.get(1), sent.get(2));
		assertThat(recent.after("nobody", id(sent.get(0)))).isEmpty();
	}

	private static List<NotificationSent> addThree(RecentEvents<NotificationSent> recent) {
		List<NotificationSent> sent = List.of(notification("u"), notification("u"), notification("u"));
		sent.forEach((notification) -> add(recent, notification));
		return sent;
	}

	private static String id(NotificationSent notification) {
		return notification.notificationId().toString();
	}

	private static RecentEvents<NotificationSent> recent(int perKey, int maxKeys, int maxEvents) {
		return recent(new RecentEvents.Limits(perKey, maxKeys, maxEvents, Long.MAX_VALUE));
	}

	/** Weighs a notification by its body alone, so that a test can say what it weighs. */
	private static RecentEvents<NotificationSent> recent(RecentEvents.Limits limits) {
		return new RecentEvents<>(limits, NotificationSent::notificationId,
				(notification) -> notification.body().length());
	}

	private static boolean add(RecentEvents<NotificationSent> recent, NotificationSent notification) {
		return recent.add(notification.userId(), notification);
	}

	private static NotificationSent notification(String userId) {
		return notification(userId, 1);
	}

	private static NotificationSent notification(String userId, int weight) {
		return new NotificationSent(UUID.randomUUID(), userId, NotificationKind.ORDER_PLACED, "t", "b".repeat(weight),
				"e", Instant.now());
	}

}
