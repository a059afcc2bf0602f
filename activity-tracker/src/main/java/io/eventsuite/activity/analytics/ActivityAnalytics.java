package io.eventsuite.activity.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.eventsuite.support.streams.QueryableStore;
import io.eventsuite.support.streams.StateQueries;
import io.eventsuite.support.streams.StateUnavailableException;

/**
 * Reads the analytics, on whichever instance holds the answer.
 * <p>
 * Profiles are read with read-your-writes on {@code user-activity}: a read waits until
 * the application has processed everything the user's partition held when the read began,
 * so an erasure the broker acknowledged is never answered with the old profile. Top pages
 * are read as they are (eventually consistent).
 */
@Component
public class ActivityAnalytics {

	private final StateQueries queries;

	private final QueryableStore<UserProfile> userProfiles;

	private final QueryableStore<TopPages> topPages;

	private final Clock clock;

	ActivityAnalytics(StateQueries queries, QueryableStore<UserProfile> userProfiles,
			QueryableStore<TopPages> topPages) {
		this.queries = queries;
		this.userProfiles = userProfiles;
		this.topPages = topPages;
		this.clock = Clock.systemUTC();
	}

	/**
	 * The profile of a user.
	 * @param userId the user
	 * @return the profile, empty when the analytics never saw the user or it was erased
	 * @throws StateUnavailableException while the answer cannot be known
	 */
	public Optional<UserProfile> profile(String userId) {
		return this.queries.find(this.userProfiles, userId);
	}

	/**
	 * The most viewed pages of the window the wall clock is in now and of the one before,
	 * both from one reading of the clock.
	 * @param limit the most pages of each window, at most {@value TopPages#MAX_PAGES}
	 * @return the two windows, with no pages where nothing was viewed
	 * @throws StateUnavailableException while the answer cannot be known
	 */
	public RecentTopPages recentTopPages(int limit) {
		Instant current = windowStart(this.clock.instant());
		return new RecentTopPages(topPages(current, limit),
				topPages(current.minus(ActivityAnalyticsTopology.PAGE_WINDOW), limit));
	}

	private PageWindow topPages(Instant windowStart, int limit) {
		TopPages top = this.queries.find(this.topPages, ActivityAnalyticsTopology.windowKey(windowStart))
			.orElseGet(TopPages::none);
		return new PageWindow(windowStart, windowStart.plus(ActivityAnalyticsTopology.PAGE_WINDOW), top.top(limit));
	}

	private static Instant windowStart(Instant now) {
		long size = ActivityAnalyticsTopology.PAGE_WINDOW.toMillis();
		return Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), size));
	}

}
