package io.eventsuite.notification.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.eventsuite.events.notification.NotificationSent;

/**
 * The latest notifications of each user, newest first, bounded in both directions: so
 * many per user, so many users. A notification seen twice (same id) is kept once.
 */
class RecentNotifications {

	private final int perUser;

	private final Map<String, UserNotifications> byUser;

	RecentNotifications(int perUser, int maxUsers) {
		this.perUser = perUser;
		this.byUser = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, UserNotifications> eldest) {
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
		return this.byUser.computeIfAbsent(notification.userId(), (k) -> new UserNotifications())
			.add(notification, this.perUser);
	}

	synchronized List<NotificationSent> of(String userId) {
		UserNotifications recent = this.byUser.get(userId);
		return (recent != null) ? List.copyOf(recent.newestFirst) : List.of();
	}

	/**
	 * One user's notifications, newest first, and their ids: the feed reads every
	 * notification, so the check for a repeat is a set lookup rather than a walk through
	 * the user's list (a fifth of the feed thread in the drain benchmark).
	 */
	private static final class UserNotifications {

		private final Deque<NotificationSent> newestFirst = new ArrayDeque<>();

		private final Set<UUID> ids = new HashSet<>();

		boolean add(NotificationSent notification, int limit) {
			if (!this.ids.add(notification.notificationId())) {
				return false;
			}
			this.newestFirst.addFirst(notification);
			while (this.newestFirst.size() > limit) {
				this.ids.remove(this.newestFirst.removeLast().notificationId());
			}
			return true;
		}

	}

}
