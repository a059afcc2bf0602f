package io.eventsuite.events.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.EventType;
import io.eventsuite.events.SampleEvents;
import io.eventsuite.events.Topics;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.notification.NotificationSent;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventSchemaTests {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CloudEventSerializer serializer = new CloudEventSerializer();

	static List<DomainEvent> events() {
		return SampleEvents.all();
	}

	@Test
	void everyTypeOfTheContractHasASampleAndASchema() {
		Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
		for (EventType<?> type : Topics.ALL.stream().flatMap((topic) -> topic.types().stream()).toList()) {
			assertThat(sampled).as("sample of %s", type.ceType()).contains(type.javaType());
			assertThat(schemaOf(type)).as("schema of %s", type.ceType()).isNotNull();
		}
	}

	@ParameterizedTest
	@MethodSource("events")
	void whatTheSerializerWritesValidatesAgainstTheTypesSchema(DomainEvent event) {
		byte[] json = this.serializer.serialize("any", new RecordHeaders(),
				CloudEvent.of(URI.create("/eventsuite/test"), event));
		List<Error> errors = schemaOf(Topics.typeOf(event.getClass())).validate(new String(json), InputFormat.JSON);
		assertThat(errors).isEmpty();
	}

	@Test
	void schemasRejectUnknownAndMissingFields() {
		Schema schema = schemaOf(Topics.typeOf(io.eventsuite.events.order.OrderCancelled.class));
		String valid = """
				{"orderId":"0b7e2b8e-3f5c-4a8e-9d0a-6c1f2e3d4b5a","customerId":"c","reason":"r",
				 "cancelledAt":"2026-11-22T10:15:30Z"}""";
		assertThat(schema.validate(valid, InputFormat.JSON)).isEmpty();
		assertThat(schema.validate(valid.replace("}", ",\"extra\":1}"), InputFormat.JSON)).isNotEmpty();
		assertThat(schema.validate(valid.replace("\"reason\":\"r\",", ""), InputFormat.JSON)).isNotEmpty();
	}

	@Test
	void theLengthLimitsTheRecordsNameAreTheSchemas() {
		assertThat(maxLengths(ChatMessageSent.class)).containsEntry("roomId", ChatMessageSent.MAX_ROOM_ID)
			.containsEntry("senderId", ChatMessageSent.MAX_SENDER_ID)
			.containsEntry("text", ChatMessageSent.MAX_TEXT);
		assertThat(maxLengths(NotificationSent.class)).containsEntry("userId", NotificationSent.MAX_USER_ID)
			.containsEntry("title", NotificationSent.MAX_TITLE)
			.containsEntry("body", NotificationSent.MAX_BODY)
			.containsEntry("sourceEventId", NotificationSent.MAX_SOURCE_EVENT_ID);
	}

	private static Map<String, Integer> maxLengths(Class<? extends DomainEvent> type) {
		try (InputStream in = CloudEventSchemaTests.class.getClassLoader()
			.getResourceAsStream(Topics.typeOf(type).schemaResource())) {
			Map<String, Integer> maxLengths = new HashMap<>();
			JSON.readTree(in).get("properties").properties().forEach((property) -> {
				if (property.getValue().has("maxLength")) {
					maxLengths.put(property.getKey(), property.getValue().get("maxLength").asInt());
				}
			});
			return maxLengths;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Schema schemaOf(EventType<?> type) {
		try (InputStream in = CloudEventSchemaTests.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
			return (in != null) ? SCHEMAS.getSchema(in) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
