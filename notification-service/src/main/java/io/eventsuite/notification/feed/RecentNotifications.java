package io.eventsuite.notification.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.eventsuite.events.notification.NotificationSent;

/**
 * The latest notifications of each user, newest first, bounded three ways: so many per
 * user, so many users, so many in all. A notification seen twice (same id) is kept once.
 * The users read or notified least recently are forgotten first, whole.
 * <p>
 * The bound in all is what holds the heap: a kept notification costs about 400 bytes
 * (measured on Java 25 with compact object headers), so 10,000 users with 50 each would
 * take some 190 MB of the 256 MB heap a 512 MB container gives the service.
 */
class RecentNotifications {

	private final int perUser;

	private final int maxUsers;

	private final int maxNotifications;

	/** In access order: iteration starts at the user read or notified least recently. */
	private final Map<String, UserNotifications> byUser = new LinkedHashMap<>(16, 0.75f, true);

	private int kept;

	RecentNotifications(int perUser, int maxUsers, int maxNotifications) {
		this.perUser = Math.min(perUser, maxNotifications);
		this.maxUsers = maxUsers;
		this.maxNotifications = maxNotifications;
	}

	/**
	 * Remembers a notification.
	 * @param notification the notification
	 * @return {@code false} if it was already known
	 */
	synchronized boolean add(NotificationSent notification) {
		UserNotifications user = this.byUser.computeIfAbsent(notification.userId(), (k) -> new UserNotifications());
		int before = user.size();
		if (!user.add(notification, this.perUser)) {
			return false;
		}
		this.kept += user.size() - before;
		forgetLeastRecentUsers();
		return true;
	}

	/**
	 * Never reaches the user just notified, the most recent: no user keeps more than the
	 * bound in all, so forgetting the others is always enough.
	 */
	private void forgetLeastRecentUsers() {
		Iterator<UserNotifications> leastRecentFirst = this.byUser.values().iterator();
		while (this.byUser.size() > this.maxUsers || this.kept > this.maxNotifications) {
			this.kept -= leastRecentFirst.next().size();
			leastRecentFirst.remove();
		}
	}

	synchronized List<NotificationSent> of(String userId) {
		UserNotifications recent = this.byUser.get(userId);
		return (recent != null) ? List.copyOf(recent.newestFirst) : List.of();
	}

	/** How many notifications are kept, all users together. */
	synchronized int kept() {
		return this.kept;
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

		int size() {
			return this.newestFirst.size();
		}

	}

}
