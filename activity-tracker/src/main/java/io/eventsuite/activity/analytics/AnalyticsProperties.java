package io.eventsuite.activity.analytics;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the activity analytics leave out and how long they wait for late events.
 *
 * @param botUsers user ids whose events are not counted at all (monitoring probes, load
 * tests, crawlers)
 * @param pageWindowGrace how long after a one-minute window ends a late page view still
 * counts in it; later ones are dropped
 * @param pageRetention how long the per-page counts of a window are kept (the
 * {@code page-views} window store) and how long the changelog of {@code top-pages} keeps
 * a window; at least a window plus the grace period
 */
@ConfigurationProperties("eventsuite.analytics")
@Validated
record AnalyticsProperties(@DefaultValue Set<@NotBlank String> botUsers,
		@DefaultValue("30s") @NotNull Duration pageWindowGrace, @DefaultValue("1h") @NotNull Duration pageRetention) {

	boolean isBot(String userId) {
		return this.botUsers.contains(userId);
	}

	@AssertTrue(message = "page-window-grace must not be negative")
	boolean isPageWindowGraceValid() {
		return this.pageWindowGrace == null || !this.pageWindowGrace.isNegative();
	}

	@AssertTrue(message = "page-retention must be at least one window (1m) plus page-window-grace")
	boolean isPageRetentionValid() {
		return this.pageRetention == null || this.pageWindowGrace == null
				|| this.pageRetention.compareTo(ActivityAnalyticsTopology.PAGE_WINDOW.plus(this.pageWindowGrace)) >= 0;
	}

}
