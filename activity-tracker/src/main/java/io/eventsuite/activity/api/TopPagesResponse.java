package io.eventsuite.activity.api;

import io.eventsuite.activity.analytics.PageWindow;

/**
 * The body of {@code GET /api/activity/pages/top}: the minute the wall clock is in, still
 * filling, and the one before, complete but for late events within the grace period.
 *
 * @param current the current window
 * @param previous the window before it
 */
record TopPagesResponse(PageWindow current, PageWindow previous) {
}
