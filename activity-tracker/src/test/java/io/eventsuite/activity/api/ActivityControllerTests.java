package io.eventsuite.activity.api;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventsuite.activity.messaging.ActivityPublisher;
import io.eventsuite.support.kafka.PartlyPublishedException;
import io.eventsuite.support.kafka.PublishFailedException;
import io.eventsuite.support.web.ProblemDetailsAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;

/**
 * What a client of the ingestion API is told when the producer refuses events, on the web
 * layer alone: the refusals the integration tests cannot provoke at a chosen event.
 */
@WebMvcTest(ActivityController.class)
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties(ActivityProperties.class)
class ActivityControllerTests {

	private static final String BATCH = """
			[{"userId":"u-1","type":"CLICK","target":"/a"},{"userId":"u-2","type":"CLICK","target":"/b"},
			 {"userId":"u-3","type":"CLICK","target":"/c"}]""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ActivityPublisher publisher;

	@Test
	void aBatchRefusedPartwayIsA503ThatSaysHowManyEventsWereAccepted() {
		given(this.publisher.publish(anyList()))
			.willThrow(new PartlyPublishedException("user-activity", new BufferExhaustedException("full"), 2));

		MvcTestResult result = postBatch();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader("Retry-After", "5")
			.hasContentType("application/problem+json");
		assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(2);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("refused the batch from event [2] on");
	}

	@Test
	void aBatchRefusedAtItsFirstEventIsA503WithoutACount() {
		given(this.publisher.publish(anyList()))
			.willThrow(new PublishFailedException("user-activity", new BufferExhaustedException("full")));

		MvcTestResult result = postBatch();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "5");
		assertThat(result).bodyJson().doesNotHavePath("$.accepted");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("may not have been written");
	}

	private MvcTestResult postBatch() {
		return this.mvc.post()
			.uri("/api/activity/batch")
			.contentType(MediaType.APPLICATION_JSON)
			.content(BATCH)
			.exchange();
	}

}
