package io.eventsuite.activity.analytics;

/**
 * How often a page was viewed in one window.
 *
 * @param page the page, normalized (no query string, no fragment, no trailing slash)
 * @param views how many {@code PAGE_VIEW} events it had
 */
public record PageViews(String page, long views) {
}
