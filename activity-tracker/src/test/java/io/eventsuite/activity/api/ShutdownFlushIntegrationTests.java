package io.eventsuite.activity.api;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.eventsuite.activity.ActivityTrackerApplication;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.TestKafkaBroker;
import io.eventsuite.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 202 means "buffered", so the producer must send its buffer before the process exits.
 * With a linger of a minute the batch sits in the producer's buffer until shutdown, which
 * closes the producer and so flushes it.
 */
class ShutdownFlushIntegrationTests {

	@Test
	void bufferedEventsReachTheBrokerWhenTheServiceShutsDown() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ActivityTrackerApplication.class)
			// Arguments, not builder properties: those are defaults that application.yml
			// overrides.
			.run("--spring.kafka.bootstrap-servers=" + TestKafkaBroker.bootstrapServers(), "--server.port=0",
					"--spring.kafka.producer.properties.linger.ms=60000",
					// Kafka needs delivery.timeout.ms >= linger.ms + request.timeout.ms.
					"--spring.kafka.producer.properties.delivery.timeout.ms=120000",
					"--eventsuite.publish.timeout=180s");
		String userId = "user-" + UUID.randomUUID();
		List<String> events = IntStream.range(0, 20)
			.mapToObj((i) -> ActivityApiIntegrationTests.event(userId, "PAGE_VIEW", "/page/" + i, null))
			.toList();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();

		try (TopicReader userActivity = TopicReader.of("user-activity")) {
			HttpResponse<String> response = ServiceClient.onPort(port)
				.postJson("/api/activity/batch", ActivityApiIntegrationTests.array(events));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			assertThat(userActivity.readToEnd()).as("still in the producer's buffer")
				.noneMatch((r) -> userId.equals(r.key()));

			context.close();

			assertThat(userActivity.awaitRecords(20, (r) -> userId.equals(r.key()))).hasSize(20);
		}
		finally {
			context.close();
		}
	}

}
