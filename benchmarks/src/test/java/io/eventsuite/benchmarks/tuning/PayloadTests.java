package io.eventsuite.benchmarks.tuning;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import io.eventsuite.benchmarks.producer.ProducerSettings;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTests {

	@Test
	void shippedProfilesAreWhatTheServicesConfigure() {
		assertThat(Payload.ORDER.shipped()).isEqualTo(profileOf("order-service"));
		assertThat(Payload.ACTIVITY.shipped()).isEqualTo(profileOf("activity-tracker"));
		// Targets 1 and 4 hold the suite to ProducerPerformance with order-service's
		// profile too.
		ProducerSettings order = ProducerSettings.ORDER_SERVICE;
		assertThat(new Cell(order.acks(), order.batchSize(), order.lingerMs(), order.compression()))
			.isEqualTo(profileOf("order-service"));
	}

	@Test
	void recordsAreDistinctCloudEventsKeyedAsTheServicesKeyThem() {
		for (Payload payload : Payload.values()) {
			List<ProducerRecord<byte[], byte[]>> records = payload.records("t", 100);

			assertThat(records).extracting((record) -> new String(record.value(), StandardCharsets.UTF_8))
				.as(payload.id())
				.doesNotHaveDuplicates();
			assertThat(records.get(0).headers().lastHeader("ce_type").value()).asString(StandardCharsets.UTF_8)
				.startsWith("eventsuite.");
			assertThat(records.get(0).topic()).isEqualTo("t");
		}
		assertThat(new String(Payload.ACTIVITY.records("t", 1).get(0).key(), StandardCharsets.UTF_8))
			.isEqualTo("user-0000");
	}

	@Test
	void averageRecordBytesCountKeyValueAndHeaders() {
		ProducerRecord<byte[], byte[]> activity = Payload.ACTIVITY.records("t", 1).get(0);

		assertThat(Payload.ACTIVITY.averageRecordBytes()).isGreaterThan(activity.value().length + 9 + 100);
		assertThat(Payload.ORDER.averageRecordBytes()).isBetween(300, 700);
	}

	// What a service's application.yml sets, with Kafka's defaults where it sets nothing.
	private static Cell profileOf(String service) {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource(
				Path.of(System.getProperty("user.dir"), "..", service, "src/main/resources/application.yml")));
		Properties properties = yaml.getObject();
		String producer = "spring.kafka.producer.";
		return new Cell(properties.getProperty(producer + "acks"),
				Integer.parseInt(properties.getProperty(producer + "batch-size", "16384")),
				Integer.parseInt(properties.getProperty(producer + "properties." + ProducerConfig.LINGER_MS_CONFIG)),
				properties.getProperty(producer + "compression-type", "none"));
	}

}
