package io.eventsuite.activity.analytics;

/**
 * What counts as the same page: {@code /books/1?ref=mail#reviews} and {@code /books/1/}
 * are both {@code /books/1}.
 */
final class Pages {

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
		return (end == 0) ? "/" : target.substring(0, end);
	}

}
