package io.eventsuite.activity.analytics;

/**
 * The top pages of now, the body of {@code GET /api/activity/pages/top}: the minute the
 * wall clock is in, still filling, and the one before, complete but for late events
 * within the grace period.
 *
 * @param current the current window
 * @param previous the window before it
 */
public record RecentTopPages(PageWindow current, PageWindow previous) {
}
