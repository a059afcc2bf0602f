package io.eventsuite.activity.api;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.activity.analytics.ActivityAnalytics;
import io.eventsuite.activity.analytics.RecentTopPages;
import io.eventsuite.activity.analytics.UserProfile;
import io.eventsuite.activity.messaging.ErasureReceipt;
import io.eventsuite.activity.messaging.UserErasure;
import io.eventsuite.support.web.MaxCharacters;

/**
 * The analytics over HTTP: a user's profile, the most viewed pages of the current and the
 * previous minute, and the erasure of a user. Any instance answers any question; while
 * the answer cannot be known (start-up, restore, rebalance) it is a {@code 503} with
 * {@code Retry-After}, never a guess.
 */
@RestController
@RequestMapping(path = "/api/activity", produces = MediaType.APPLICATION_JSON_VALUE)
class AnalyticsController {

	private final ActivityAnalytics analytics;

	private final UserErasure erasure;

	AnalyticsController(ActivityAnalytics analytics, UserErasure erasure) {
		this.analytics = analytics;
		this.erasure = erasure;
	}

	@GetMapping("/users/{userId}")
	UserProfile profile(@PathVariable @MaxCharacters(64) String userId) {
		return this.analytics.profile(userId).orElseThrow(() -> new UnknownUserException(userId));
	}

	/**
	 * Erases a user. The {@code 202} comes from the broker's acknowledgement of the
	 * tombstone: from then on no instance answers with the profile.
	 * @param userId the user
	 * @return where the tombstone was written
	 */
	@DeleteMapping("/users/{userId}")
	CompletableFuture<ResponseEntity<ErasureReceipt>> erase(@PathVariable @MaxCharacters(64) String userId) {
		return this.erasure.erase(userId).thenApply((receipt) -> ResponseEntity.accepted().body(receipt));
	}

	@GetMapping("/pages/top")
	RecentTopPages topPages(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
		return this.analytics.recentTopPages(limit);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownUser(UnknownUserException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown user");
		problem.setType(URI.create("https://eventsuite.io/problems/unknown-user"));
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
