package io.eventsuite.notification.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.eventsuite.events.notification.NotificationSent;

/**
 * The latest notifications of each user, newest first, bounded in both directions: so
 * many per user, so many users. A notification seen twice (same id) is kept once.
 */
class RecentNotifications {

	private final int perUser;

	private final Map<String, Deque<NotificationSent>> byUser;

	RecentNotifications(int perUser, int maxUsers) {
		this.perUser = perUser;
		this.byUser = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<NotificationSent>> eldest) {
				return size() > maxUsers;
			}

		};
	}

	/**
	 * Remembers a notification.
	 * @param notification the notification
	 * @return {@code false} if it was already known
	 */
	synchronized boolean add(NotificationSent notification) {
		Deque<NotificationSent> recent = this.byUser.computeIfAbsent(notification.userId(), (k) -> new ArrayDeque<>());
		if (recent.stream().anyMatch((known) -> known.notificationId().equals(notification.notificationId()))) {
			return false;
		}
		recent.addFirst(notification);
		while (recent.size() > this.perUser) {
			recent.removeLast();
		}
		return true;
	}

	synchronized List<NotificationSent> of(String userId) {
		Deque<NotificationSent> recent = this.byUser.get(userId);
		return (recent != null) ? List.copyOf(recent) : List.of();
	}

}
