package io.eventsuite.activity.api;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.eventsuite.test.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fire-and-forget must not mean "accept into the void": when the producer cannot even
 * buffer an event (here: no metadata within {@code max.block.ms}, because nothing listens
 * on port 1 of the loopback interface), the client gets a 503, and gets it after one
 * {@code max.block.ms}, not after one per event of the batch. An operator replaying dead
 * letters gets a 503 within seconds too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.admin.operation-timeout=1s" })
class BrokerDownIntegrationTests {

	/**
	 * Two max.block.ms of 2 s plus slack, where the 50 events of the batch would need 100
	 * s; and the dead-letter replay's 5 s for metadata plus slack, where it took a
	 * minute.
	 */
	private static final Duration BOUND = Duration.ofSeconds(8);

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void refusedBatchIsA503WithinOneMaxBlock() {
		List<String> events = IntStream.range(0, 50)
			.mapToObj((i) -> ActivityApiIntegrationTests.event("user-" + i, "CLICK", "/p", null))
			.toList();

		postAndExpectAFast503("/api/activity/batch", ActivityApiIntegrationTests.array(events));

		assertThat(this.meters.get("eventsuite.activity.failed").tag("reason", "TimeoutException").counter().count())
			.isEqualTo(1.0);
		assertThat(this.meters.get("eventsuite.activity.published").counter().count()).isZero();
	}

	@Test
	void deadLetterReplayIsA503WithinSecondsNotAFiveHundredAfterAMinute() {
		postAndExpectAFast503("/admin/dead-letters/user-activity/replay", "");
	}

	private void postAndExpectAFast503(String path, String body) {
		long start = System.nanoTime();
		HttpResponse<String> response = ServiceClient.onPort(this.port).postJson(path, body);
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(took).isLessThanOrEqualTo(BOUND);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(ServiceClient.json(response).get("topic").asString()).isEqualTo("user-activity");
	}

}
