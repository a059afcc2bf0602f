package io.eventsuite.benchmarks.producer;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

/**
 * The events the contender publishes: {@code OrderPlaced} as order-service builds it for
 * the README's example order (a fresh order id, one line, the time of placing), from 100
 * customers.
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
	 * @param sequence which one, from 0: picks the customer
	 * @return an {@code OrderPlaced} with a fresh order id
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
		CloudEventSerializer serializer = new CloudEventSerializer();
		int samples = 1000;
		long total = 0;
		for (int i = 0; i < samples; i++) {
			CloudEvent<OrderPlaced> event = CloudEvent.of(SOURCE, next(i));
			RecordHeaders headers = new RecordHeaders();
			total += serializer.serialize("orders", headers, event).length;
			total += event.key().getBytes(StandardCharsets.UTF_8).length;
			for (Header header : headers) {
				total += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
			}
		}
		return (int) Math.round(total / (double) samples);
	}

}
