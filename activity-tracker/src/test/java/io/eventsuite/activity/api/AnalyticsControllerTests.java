package io.eventsuite.activity.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventsuite.activity.analytics.ActivityAnalytics;
import io.eventsuite.activity.analytics.PageViews;
import io.eventsuite.activity.analytics.PageWindow;
import io.eventsuite.activity.analytics.RecentTopPages;
import io.eventsuite.activity.messaging.ErasureReceipt;
import io.eventsuite.activity.messaging.UserErasure;
import io.eventsuite.support.kafka.PublishFailedException;
import io.eventsuite.support.streams.StateUnavailableException;
import io.eventsuite.support.web.ProblemDetailsAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The status codes of the analytics endpoints, on the web layer alone: the answers the
 * integration tests cannot provoke on demand (a store being restored, a broker that does
 * not confirm an erasure).
 */
@WebMvcTest(AnalyticsController.class)
@Import(ProblemDetailsAdvice.class)
class AnalyticsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ActivityAnalytics analytics;

	@MockitoBean
	UserErasure erasure;

	@Test
	void profileWhileTheStoreIsRestoredIsA503WithRetryAfter() {
		given(this.analytics.profile("alice")).willThrow(new StateUnavailableException("restoring"));

		assertThat503(this.mvc.get().uri("/api/activity/users/alice").exchange());
	}

	@Test
	void topPagesWhileTheStoreIsRebalancedIsA503WithRetryAfter() {
		given(this.analytics.recentTopPages(10)).willThrow(new StateUnavailableException("rebalancing"));

		assertThat503(this.mvc.get().uri("/api/activity/pages/top").exchange());
	}

	@Test
	void unknownUserIsA404Problem() {
		given(this.analytics.profile("nobody")).willReturn(Optional.empty());

		assertThat(this.mvc.get().uri("/api/activity/users/nobody").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown user");
	}

	@Test
	void topPagesLimitDefaultsToTen() {
		Instant start = Instant.parse("2026-01-02T10:01:00Z");
		given(this.analytics.recentTopPages(10)).willReturn(
				new RecentTopPages(new PageWindow(start, start.plusSeconds(60), List.of(new PageViews("/a", 3))),
						new PageWindow(start.minusSeconds(60), start, List.of())));

		assertThat(this.mvc.get().uri("/api/activity/pages/top").exchange()).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"current":{"windowStart":"2026-01-02T10:01:00Z","windowEnd":"2026-01-02T10:02:00Z",
					            "pages":[{"page":"/a","views":3}]},
					 "previous":{"windowStart":"2026-01-02T10:00:00Z","windowEnd":"2026-01-02T10:01:00Z","pages":[]}}
					""");
	}

	@Test
	void erasureIsAcceptedWithWhereTheBrokerPutTheTombstone() {
		given(this.erasure.erase("alice"))
			.willReturn(CompletableFuture.completedFuture(new ErasureReceipt("alice", "user-activity", 3, 42)));

		assertThat(this.mvc.delete().uri("/api/activity/users/alice").exchange()).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"userId":"alice","topic":"user-activity","partition":3,"offset":42}""");
	}

	@Test
	void erasureTheBrokerDoesNotConfirmIsA503() {
		given(this.erasure.erase("alice")).willReturn(CompletableFuture
			.failedFuture(new PublishFailedException("user-activity", new TimeoutException("no answer"))));

		assertThat(this.mvc.delete().uri("/api/activity/users/alice").exchange())
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "5")
			.bodyJson()
			.extractingPath("$.topic")
			.isEqualTo("user-activity");
	}

	private static void assertThat503(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "1")
			.hasContentType("application/problem+json");
	}

}
