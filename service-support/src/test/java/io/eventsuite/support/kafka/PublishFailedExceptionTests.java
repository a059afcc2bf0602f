package io.eventsuite.support.kafka;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaProducerException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which publish failures are worth a retry ({@code 503} with {@code Retry-After}) and
 * which are not ({@code 500}).
 */
class PublishFailedExceptionTests {

	@Test
	void brokerOutagesSlowBrokersAndAFullBufferArePassing() {
		assertThat(new PublishFailedException("orders", new TimeoutException("metadata")).isTransient()).isTrue();
		assertThat(new PublishFailedException("orders", new BufferExhaustedException("buffer full")).isTransient())
			.isTrue();
		assertThat(new PublishFailedException("orders", new NotEnoughReplicasException("min.insync.replicas"))
			.isTransient()).isTrue();
		assertThat(new PublishFailedException("orders",
				new KafkaProducerException(null, "send failed", new TimeoutException("delivery")))
			.isTransient()).isTrue();
		assertThat(new PublishFailedException("orders", new java.util.concurrent.TimeoutException()).isTransient())
			.isTrue();
	}

	@Test
	void aRecordTheBrokerWillNeverTakeIsNot() {
		assertThat(new PublishFailedException("orders", new RecordTooLargeException("too large")).isTransient())
			.isFalse();
		assertThat(new PublishFailedException("orders", new IllegalStateException("bug")).isTransient()).isFalse();
	}

}
