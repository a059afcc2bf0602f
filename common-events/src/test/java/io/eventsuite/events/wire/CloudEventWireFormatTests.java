package io.eventsuite.events.wire;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventWireFormatTests {

	private static final URI SOURCE = URI.create("/eventsuite/order-service");

	private final CloudEventSerializer serializer = new CloudEventSerializer();

	private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

	private final OrderPlaced order = OrderPlaced.of(UUID.randomUUID(), "customer-1",
			List.of(new OrderLine("SKU-1", 3, new BigDecimal("10.10"))), "EUR",
			Instant.parse("2026-11-22T10:15:30.5Z"));

	@Test
	void writesBinaryModeHeadersAndPlainJson() {
		Headers headers = new RecordHeaders();
		CloudEvent<OrderPlaced> event = CloudEvent.of(SOURCE, this.order);
		byte[] value = this.serializer.serialize("orders", headers, event);

		assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(headers, "ce_id")).isEqualTo(event.id());
		assertThat(header(headers, "ce_source")).isEqualTo("/eventsuite/order-service");
		assertThat(header(headers, "ce_type")).isEqualTo("eventsuite.order.placed.v1");
		assertThat(header(headers, "ce_time")).isEqualTo("2026-11-22T10:15:30.500Z");
		assertThat(header(headers, "content-type")).isEqualTo("application/json");
		assertThat(headers.toArray()).as("no Java type headers").hasSize(6);

		JsonNode json = EventJson.MAPPER.readTree(value);
		assertThat(json.get("orderId").asString()).isEqualTo(this.order.orderId().toString());
		assertThat(json.get("placedAt").asString()).isEqualTo("2026-11-22T10:15:30.500Z");
		assertThat(json.get("total").isNumber()).isTrue();
		assertThat(json.get("total").decimalValue()).isEqualByComparingTo("30.30");
		assertThat(json.get("items").get(0).get("unitPrice").decimalValue()).isEqualTo(new BigDecimal("10.10"));
	}

	@Test
	void aRecordSentAgainCarriesTheNewAttributesOnceAndKeepsItsOtherHeaders() {
		Headers headers = headers("eventsuite.order.cancelled.v1");
		headers.add("traceparent", "00-trace-span-01".getBytes(StandardCharsets.UTF_8));
		CloudEvent<OrderPlaced> event = CloudEvent.of(SOURCE, this.order);

		this.serializer.serialize("orders", headers, event);

		assertThat(header(headers, "ce_id")).isEqualTo(event.id());
		assertThat(header(headers, "ce_type")).isEqualTo("eventsuite.order.placed.v1");
		assertThat(header(headers, "ce_source")).isEqualTo("/eventsuite/order-service");
		assertThat(header(headers, "traceparent")).isEqualTo("00-trace-span-01");
		assertThat(headers.toArray()).as("each attribute once, and the trace").hasSize(7);
	}

	@Test
	void eachEventGetsItsOwnId() {
		assertThat(CloudEvent.of(SOURCE, this.order).id()).isNotEqualTo(CloudEvent.of(SOURCE, this.order).id());
	}

	@Test
	void readsBackWhatItWrote() {
		Headers headers = new RecordHeaders();
		CloudEvent<OrderPlaced> sent = CloudEvent.of(SOURCE, this.order);
		byte[] value = this.serializer.serialize("orders", headers, sent);

		CloudEvent<DomainEvent> received = this.deserializer.deserialize("orders", headers, value);

		assertThat(received).isEqualTo(sent);
	}

	@Test
	void readsJsonWrittenByAnotherLanguage() {
		Headers headers = headers("eventsuite.order.cancelled.v1");
		byte[] value = """
				{"orderId":"0b7e2b8e-3f5c-4a8e-9d0a-6c1f2e3d4b5a","customerId":"c-1","reason":"late",
				 "cancelledAt":"2026-11-22T10:15:30Z","addedInAFutureVersion":true}""".getBytes(StandardCharsets.UTF_8);

		CloudEvent<DomainEvent> received = this.deserializer.deserialize("orders", headers, value);

		assertThat(received.data().key()).isEqualTo("0b7e2b8e-3f5c-4a8e-9d0a-6c1f2e3d4b5a");
		assertThat(received.id()).isEqualTo("id-1");
	}

	@Test
	void rejectsRecordsWithoutCloudEventsHeaders() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("orders", new RecordHeaders(), "{}".getBytes()))
			.withMessageContaining("ce_specversion");
	}

	@Test
	void readsEachRecordsOwnSourceAndAJsonContentTypeWithParameters() {
		byte[] value = """
				{"orderId":"0b7e2b8e-3f5c-4a8e-9d0a-6c1f2e3d4b5a","customerId":"c-1","reason":"late",
				 "cancelledAt":"2026-11-22T10:15:30Z"}""".getBytes(StandardCharsets.UTF_8);
		Headers fromElsewhere = headers("eventsuite.order.cancelled.v1");
		Headers fromTheShop = headers("eventsuite.order.cancelled.v1");
		fromTheShop.remove("ce_source");
		fromTheShop.add("ce_source", "https://shop.example/orders".getBytes(StandardCharsets.UTF_8));
		fromTheShop.remove("content-type");
		fromTheShop.add("content-type", "application/json; charset=utf-8".getBytes(StandardCharsets.UTF_8));

		assertThat(this.deserializer.deserialize("orders", fromElsewhere, value).source())
			.isEqualTo(URI.create("/elsewhere"));
		assertThat(this.deserializer.deserialize("orders", fromTheShop, value).source())
			.isEqualTo(URI.create("https://shop.example/orders"));
		assertThat(this.deserializer.deserialize("orders", fromElsewhere, value).source())
			.isEqualTo(URI.create("/elsewhere"));
	}

	@Test
	void rejectsOtherSpecVersionsAndContentTypes() {
		Headers version03 = headers("eventsuite.order.cancelled.v1");
		version03.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));
		Headers avro = headers("eventsuite.order.cancelled.v1");
		avro.add("content-type", "application/avro".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("orders", version03, "{}".getBytes()))
			.withMessage("Unsupported ce_specversion 0.3");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("orders", avro, "{}".getBytes()))
			.withMessage("Unsupported content-type application/avro");
	}

	@Test
	void rejectsUnknownTypes() {
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(
				() -> this.deserializer.deserialize("orders", headers("eventsuite.order.shipped.v9"), "{}".getBytes()))
			.withMessageContaining("eventsuite.order.shipped.v9");
	}

	@Test
	void rejectsValuesThatAreNotTheType() {
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.deserializer
			.deserialize("orders", headers("eventsuite.order.cancelled.v1"), "not json".getBytes()));
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("orders", headers("eventsuite.order.cancelled.v1"),
					"{\"orderId\":\"0b7e2b8e-3f5c-4a8e-9d0a-6c1f2e3d4b5a\"}".getBytes()));
	}

	@Test
	void rejectsValuesLargerThanAnEventMayBe() {
		this.deserializer.configure(java.util.Map.of(CloudEventDeserializer.MAX_EVENT_BYTES, "1000"), false);

		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(
				() -> this.deserializer.deserialize("orders", headers("eventsuite.order.cancelled.v1"), new byte[1001]))
			.withMessageContaining("1001 bytes");
	}

	private static Headers headers(String type) {
		Headers headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes());
		headers.add("ce_id", "id-1".getBytes());
		headers.add("ce_source", "/elsewhere".getBytes());
		headers.add("ce_type", type.getBytes());
		headers.add("ce_time", "2026-11-22T10:15:30Z".getBytes());
		headers.add("content-type", "application/json".getBytes());
		return headers;
	}

	private static String header(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
