package io.eventsuite.system;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceProcess;
import io.eventsuite.test.SseClient;
import io.eventsuite.test.TestKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite as a user runs it: the services' own jars as separate processes, a real
 * broker, real HTTP. An order placed with order-service reaches the customer's live
 * notification stream on notification-service.
 */
class EndToEndIntegrationTests {

	private static ServiceProcess orderService;

	private static ServiceProcess notificationService;

	@BeforeAll
	static void startServices() {
		String broker = TestKafkaBroker.bootstrapServers();
		orderService = ServiceProcess.start("order-service", broker);
		notificationService = ServiceProcess.start("notification-service", broker);
	}

	@AfterAll
	static void stopServices() {
		if (notificationService != null) {
			notificationService.close();
		}
		if (orderService != null) {
			orderService.close();
		}
	}

	@Test
	void placedOrderArrivesOnTheCustomersNotificationStream() {
		String customer = "customer-" + UUID.randomUUID();
		try (SseClient stream = SseClient
			.connect(notificationService.client().uri("/api/notifications/" + customer + "/stream"))) {
			HttpResponse<String> placed = orderService.client()
				.postJson("/api/orders",
						"""
								{"customerId":"%s","currency":"EUR","items":[{"sku":"BOOK-1","quantity":1,"unitPrice":12.50}]}"""
							.formatted(customer));
			assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
			String orderId = ServiceClient.json(placed).get("orderId").asString();

			JsonNode notification = stream.awaitEvents(1).get(0);

			assertThat(notification.get("userId").asString()).isEqualTo(customer);
			assertThat(notification.get("kind").asString()).isEqualTo("ORDER_PLACED");
			assertThat(notification.get("body").asString()).contains(orderId).contains("12.50 EUR");
		}
	}

}
