package io.eventsuite.order.api;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.eventsuite.order.domain.Orders;
import io.eventsuite.support.web.ProblemDetailsAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;

/**
 * The no-op endpoint answers what {@code POST /api/orders} answers for the same body,
 * except that it publishes nothing, and it exists only when asked for.
 */
@WebMvcTest(properties = "eventsuite.benchmark.noop-endpoint=true")
@Import(ProblemDetailsAdvice.class)
class NoopOrderEndpointTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String VALID = """
			{"customerId":"alice","currency":"EUR","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":12.50}]}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Orders orders;

	@Test
	void acceptsAValidOrderWithTheShapeOfTheRealAnswerAndPublishesNothing() {
		MvcTestResult result = post(NoopOrderController.PATH, MediaType.APPLICATION_JSON, VALID);

		assertThat(result).hasStatus(HttpStatus.ACCEPTED).containsHeader("Location");
		JsonNode body = JSON.readTree(result.getResponse().getContentAsByteArray());
		assertThat(body.propertyNames()).containsExactly("orderId", "status", "topic", "partition", "offset");
		assertThat(body.get("status").asString()).isEqualTo("PLACED");
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void rejectsEveryInvalidBodyExactlyAsTheRealEndpointDoes() {
		List<String> invalid = List.of("""
				{"customerId":"","currency":"XYZ","items":[{"sku":"A","quantity":0,"unitPrice":-1}]}""", """
				{"customerId":"alice","currency":"EUR","items":[]}""", """
				{"customerId":"alice","currency":"EUR","items":[{"sku":"","quantity":10001,"unitPrice":1.00001}]}""",
				"""
						{"customerId":"alice","items":[null]}""", "{not json");
		for (String body : invalid) {
			MvcTestResult real = post("/api/orders", MediaType.APPLICATION_JSON, body);
			MvcTestResult noop = post(NoopOrderController.PATH, MediaType.APPLICATION_JSON, body);

			assertThat(noop.getResponse().getStatus()).as(body)
				.isEqualTo(real.getResponse().getStatus())
				.isEqualTo(400);
			assertThat(withoutInstance(noop)).as(body).isEqualTo(withoutInstance(real));
		}
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void rejectsAnotherContentTypeAsTheRealEndpointDoes() {
		MvcTestResult real = post("/api/orders", MediaType.TEXT_PLAIN, VALID);
		MvcTestResult noop = post(NoopOrderController.PATH, MediaType.TEXT_PLAIN, VALID);

		assertThat(noop.getResponse().getStatus()).isEqualTo(real.getResponse().getStatus()).isEqualTo(415);
	}

	@Test
	void isOffByDefault() {
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withUserConfiguration(NoopOrderController.class);

		runner.run((context) -> assertThat(context).doesNotHaveBean(NoopOrderController.class));
		runner.withPropertyValues("eventsuite.benchmark.noop-endpoint=true")
			.run((context) -> assertThat(context).hasSingleBean(NoopOrderController.class));
	}

	private MvcTestResult post(String path, MediaType contentType, String body) {
		return this.mvc.post().uri(path).contentType(contentType).content(body).exchange();
	}

	// The problem's instance is the request path, which differs by design.
	private static JsonNode withoutInstance(MvcTestResult result) {
		ObjectNode problem = (ObjectNode) JSON.readTree(result.getResponse().getContentAsByteArray());
		problem.remove("instance");
		return problem;
	}

}
