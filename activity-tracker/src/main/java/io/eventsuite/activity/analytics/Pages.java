package io.eventsuite.activity.analytics;

/**
 * What counts as the same page: {@code /books/1?ref=mail#reviews} and {@code /books/1/}
 * are both {@code /books/1}.
 */
final class Pages {

	/** The longest page a statistic keeps; longer paths are cut there. */
	static final int MAX_PAGE_LENGTH = 256;

	private Pages() {
	}

	/**
	 * Normalizes the target of a page view: without query string and fragment, without
	 * trailing slashes, except that the root stays {@code /}.
	 * @param target the target as recorded
	 * @return the page it counts for
	 */
	static String normalize(String target) {
		int end = target.length();
		int query = target.indexOf('?');
		int fragment = target.indexOf('#');
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		while (end > 1 && target.charAt(end - 1) == '/') {
			end--;
		}
		// "?tab=2" or "#top" alone are the current page's root.
		if (end == 0) {
			return "/";
		}
		// Bounded, so that a window's top pages stay far below Kafka's 1 MB record limit
		// in the store and its changelog.
		return target.substring(0, Math.min(end, MAX_PAGE_LENGTH));
	}

}
