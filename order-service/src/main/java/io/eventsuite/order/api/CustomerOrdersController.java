package io.eventsuite.order.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventsuite.order.domain.CustomerOrders;
import io.eventsuite.order.domain.OrderSummary;
import io.eventsuite.order.domain.Orders;
import io.eventsuite.support.web.MaxCharacters;

/**
 * {@code GET /api/customers/{customerId}/orders}: a customer's most recent orders, newest
 * first, each as a summary ({@code GET /api/orders/{id}} has the items). A customer
 * without orders has an empty list, not a {@code 404}: the service knows customers only
 * through their orders.
 */
@RestController
class CustomerOrdersController {

	private final Orders orders;

	CustomerOrdersController(Orders orders) {
		this.orders = orders;
	}

	@GetMapping(path = "/api/customers/{customerId}/orders", produces = MediaType.APPLICATION_JSON_VALUE)
	CustomerOrdersResponse list(@PathVariable @MaxCharacters(64) String customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(CustomerOrders.MAX_ORDERS) int limit) {
		return new CustomerOrdersResponse(customerId, this.orders.ofCustomer(customerId, limit));
	}

	/**
	 * The body of the answer.
	 *
	 * @param customerId the customer
	 * @param orders the orders, newest first
	 */
	record CustomerOrdersResponse(String customerId, List<OrderSummary> orders) {
	}

}
