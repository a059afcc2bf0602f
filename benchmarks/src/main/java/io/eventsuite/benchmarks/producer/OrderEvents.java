package io.eventsuite.benchmarks.producer;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.eventsuite.benchmarks.harness.CloudEventBytes;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;

/**
 * The events the contender publishes: {@code OrderPlaced} as order-service builds it for
 * the README's example order (a fresh order id, one line, the time of placing), from 100
 * customers. Public for the tuning matrix, which sends the same payload.
 */
public final class OrderEvents {

	/** What order-service names as the source of its events. */
	public static final URI SOURCE = URI.create("/eventsuite/order-service");

	private static final List<OrderLine> ITEMS = List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50")));

	// Made once: formatting an id per record would charge the harness's work to the
	// suite.
	private static final List<String> CUSTOMERS = IntStream.range(0, 100)
		.mapToObj((i) -> String.format("customer-%04d", i))
		.toList();

	private OrderEvents() {
	}

	/**
	 * The next event.
	 * @param sequence its number in the run, which picks its customer
	 * @return the event
	 */
	public static OrderPlaced next(long sequence) {
		return OrderPlaced.of(UUID.randomUUID(), CUSTOMERS.get((int) (sequence % CUSTOMERS.size())), ITEMS, "EUR",
				Instant.now());
	}

	/**
	 * The bytes one event puts in a record, as the suite's serializer writes it: key,
	 * value and the CloudEvents headers (names and values). {@code ProducerPerformance}
	 * sends records of this size, so both sides move the same bytes.
	 * @return the average over a thousand events, rounded
	 */
	public static int averageRecordBytes() {
		return CloudEventBytes.average("orders", (sequence) -> CloudEvent.of(SOURCE, next(sequence)));
	}

}
