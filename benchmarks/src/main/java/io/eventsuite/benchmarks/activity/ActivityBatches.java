package io.eventsuite.benchmarks.activity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.eventsuite.benchmarks.harness.CloudEventBytes;
import io.eventsuite.benchmarks.http.LoadRequest;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.wire.CloudEvent;

/**
 * The activity the load sends: page views of {@link #PAGES} product pages by
 * {@link #USERS} users, every fifth event a click on the add-to-cart button, each with a
 * session id and without {@code occurredAt} (the service stamps the time of arrival).
 * Event number {@code n} is the same in a request body and in {@link #event(long)}, so
 * the reference's record size is that of the events the service writes.
 */
public final class ActivityBatches {

	/** What activity-tracker names as the source of its events. */
	static final URI SOURCE = URI.create("/eventsuite/activity-tracker");

	static final int USERS = 1000;

	static final int PAGES = 100;

	private static final String ELEMENT = """
			{"userId":"%s","type":"%s","target":"%s","sessionId":"%s"}""";

	private ActivityBatches() {
	}

	/**
	 * The requests of a closed-loop load: every user on every page once, in batches.
	 * @param uri {@code POST /api/activity/batch} of a service
	 * @param batchSize events per request
	 * @return the requests, to be sent in turn
	 */
	public static List<LoadRequest> posts(URI uri, int batchSize) {
		int batches = Math.max(1, USERS * PAGES / batchSize);
		return IntStream.range(0, batches)
			.mapToObj((batch) -> LoadRequest.post(uri, "application/json", body((long) batch * batchSize, batchSize)))
			.toList();
	}

	/**
	 * The body of one batch request: a JSON array of events.
	 * @param first the number of its first event
	 * @param batchSize how many events
	 * @return the JSON
	 */
	static String body(long first, int batchSize) {
		return LongStream.range(first, first + batchSize)
			.mapToObj((n) -> ELEMENT.formatted(userId(n), type(n), target(n), sessionId(n)))
			.collect(Collectors.joining(",", "[", "]"));
	}

	/**
	 * The event the service makes of event number {@code n} of the bodies.
	 * @param n the event's number
	 * @return the event, stamped now
	 */
	static ActivityRecorded event(long n) {
		return new ActivityRecorded(userId(n), type(n), target(n), sessionId(n), Instant.now());
	}

	/**
	 * The bytes one event puts in a record of {@code user-activity}: the user-id key, the
	 * JSON value and the CloudEvents headers.
	 * @return the average over a thousand events, rounded
	 */
	static int averageRecordBytes() {
		return CloudEventBytes.average("user-activity", (n) -> CloudEvent.of(SOURCE, event(n)));
	}

	private static String userId(long n) {
		return String.format(Locale.ROOT, "user-%04d", n % USERS);
	}

	// Each pass over the users moves every user one page on.
	private static String target(long n) {
		return (type(n) == ActivityType.CLICK) ? "add-to-cart"
				: String.format(Locale.ROOT, "/products/SKU-%03d", (n / USERS) % PAGES);
	}

	private static ActivityType type(long n) {
		return (n % 5 == 4) ? ActivityType.CLICK : ActivityType.PAGE_VIEW;
	}

	// One session per user and page.
	private static String sessionId(long n) {
		return String.format(Locale.ROOT, "session-%04d-%03d", n % USERS, (n / USERS) % PAGES);
	}

}
