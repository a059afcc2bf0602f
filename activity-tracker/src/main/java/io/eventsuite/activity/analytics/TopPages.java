package io.eventsuite.activity.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most viewed pages of one window, most viewed first: the value of the
 * {@code top-pages} store.
 * <p>
 * Keeping only the top {@value #MAX_PAGES} is exact, not an estimate: the counts of a
 * window only grow, and every change of a page's count arrives here as "remove the old
 * count, add the new one". A page left out has at most the count of the last page kept,
 * and when its count grows it comes back with its full count.
 *
 * @param pages the pages, most viewed first, ties by page name; at most
 * {@value #MAX_PAGES}
 */
record TopPages(List<PageViews> pages) {

	/** How many pages each window keeps; also the largest {@code limit} a query takes. */
	static final int MAX_PAGES = 100;

	private static final Comparator<PageViews> MOST_VIEWED_FIRST = Comparator.comparingLong(PageViews::views)
		.reversed()
		.thenComparing(PageViews::page);

	TopPages {
		pages = List.copyOf(pages);
	}

	static TopPages none() {
		return new TopPages(List.of());
	}

	/**
	 * The adder: a page has a new count.
	 * @param counted the page and its count now
	 * @return the top pages with it
	 */
	TopPages add(PageViews counted) {
		List<PageViews> updated = new ArrayList<>(without(counted.page()));
		updated.add(counted);
		updated.sort(MOST_VIEWED_FIRST);
		return new TopPages(updated.subList(0, Math.min(updated.size(), MAX_PAGES)));
	}

	/**
	 * The subtractor: a page's old count no longer holds.
	 * @param counted the page and the count it had
	 * @return the top pages without that count
	 */
	TopPages subtract(PageViews counted) {
		return this.pages.contains(counted) ? new TopPages(without(counted.page())) : this;
	}

	/**
	 * The first pages.
	 * @param limit how many
	 * @return at most {@code limit} pages, most viewed first
	 */
	List<PageViews> top(int limit) {
		return this.pages.subList(0, Math.min(limit, this.pages.size()));
	}

	private List<PageViews> without(String page) {
		return this.pages.stream().filter((views) -> !views.page().equals(page)).toList();
	}

}
