package io.eventsuite.support.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class KafkaStreamsCheckTests {

	@Test
	void upOnlyWhileRunning() {
		Health health = check(KafkaStreams.State.RUNNING).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", "RUNNING");
	}

	@ParameterizedTest
	@EnumSource(value = KafkaStreams.State.class, names = "RUNNING", mode = EnumSource.Mode.EXCLUDE)
	void outOfServiceInEveryOtherState(KafkaStreams.State state) {
		Health health = check(state).health();

		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("state", state.name());
	}

	@Test
	void outOfServiceBeforeTheApplicationIsCreated() {
		Health health = new KafkaStreamsCheck(mock(StreamsBuilderFactoryBean.class)).health();

		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("state", "NOT_STARTED");
	}

	private static KafkaStreamsCheck check(KafkaStreams.State state) {
		KafkaStreams streams = mock(KafkaStreams.class);
		given(streams.state()).willReturn(state);
		StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);
		given(factoryBean.getKafkaStreams()).willReturn(streams);
		return new KafkaStreamsCheck(factoryBean);
	}

}
