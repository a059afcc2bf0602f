package io.eventsuite.activity.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The most viewed pages of one one-minute window.
 *
 * @param windowStart the first instant of the window, inclusive
 * @param windowEnd the end of the window, exclusive
 * @param pages the pages, most viewed first
 */
public record PageWindow(Instant windowStart, Instant windowEnd, List<PageViews> pages) {

	public PageWindow {
		pages = List.copyOf(pages);
	}

}
