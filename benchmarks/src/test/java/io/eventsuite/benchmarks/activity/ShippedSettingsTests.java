package io.eventsuite.benchmarks.activity;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import io.eventsuite.benchmarks.producer.ProducerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ShippedSettingsTests {

	@Test
	void readsTheProducerProfileAndBatchLimitActivityTrackerShipsWith() {
		ShippedSettings settings = ShippedSettings
			.of(new FileSystemResource("../activity-tracker/src/main/resources/application.yml"));

		assertThat(settings.producer()).isEqualTo(new ProducerSettings("1", 20, 65_536, "lz4"));
		assertThat(settings.maxBatchSize()).isEqualTo(500);
	}

	@Test
	void refusesAFileThatLeavesASettingOut() {
		ByteArrayResource withoutLinger = new ByteArrayResource("""
				spring.kafka.producer:
				  acks: 1
				  compression-type: lz4
				  batch-size: 65536
				eventsuite.activity.max-batch-size: 500
				""".getBytes());

		assertThatIllegalStateException().isThrownBy(() -> ShippedSettings.of(withoutLinger))
			.withMessageContaining("spring.kafka.producer.properties.linger.ms");
	}

}
