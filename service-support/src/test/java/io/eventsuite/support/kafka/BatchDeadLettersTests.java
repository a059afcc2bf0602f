package io.eventsuite.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-record policy inside a transactional batch, without a broker: what is retried,
 * what is dead-lettered, and how many pauses one batch may take.
 */
class BatchDeadLettersTests {

	private final List<Long> deadLettered = new ArrayList<>();

	private final List<Long> attempts = new ArrayList<>();

	@Test
	void aFailingRecordIsRetriedThenDeadLetteredAndTheBatchCarriesOn() {
		BatchDeadLetters deadLetters = new BatchDeadLetters(recoverer(), 10);

		deadLetters.forEach(records(3), (record) -> {
			this.attempts.add(record.offset());
			if (record.offset() == 1) {
				throw new IllegalStateException("fails every time");
			}
		});

		assertThat(this.attempts).containsExactly(0L, 1L, 1L, 1L, 2L);
		assertThat(this.deadLettered).containsExactly(1L);
	}

	@Test
	void onceABatchHasSpentItsPausesAFailingRecordIsDeadLetteredAtItsFirstFailure() {
		// Two pauses: the first failing record takes both (three attempts), the others
		// get one attempt each.
		BatchDeadLetters deadLetters = new BatchDeadLetters(recoverer(), 2);

		deadLetters.forEach(records(4), (record) -> {
			this.attempts.add(record.offset());
			throw new IllegalStateException("fails every time");
		});

		assertThat(this.attempts).containsExactly(0L, 0L, 0L, 1L, 2L, 3L);
		assertThat(this.deadLettered).containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void eachBatchHasABudgetOfItsOwn() {
		BatchDeadLetters deadLetters = new BatchDeadLetters(recoverer(), 2);
		java.util.function.Consumer<ConsumerRecord<String, String>> failing = (record) -> {
			this.attempts.add(record.offset());
			throw new IllegalStateException("fails every time");
		};

		deadLetters.forEach(records(1), failing);
		deadLetters.forEach(records(1), failing);

		assertThat(this.attempts).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
	}

	@Test
	void theBudgetIsAFifthOfTheTransactionTimeout() {
		assertThat(budgetOf(Map.of(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000))).isEqualTo(4);
		assertThat(budgetOf(Map.of())).as("Kafka's default of a minute").isEqualTo(24);
	}

	private long budgetOf(Map<String, Object> properties) {
		KafkaTemplate<String, String> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), new StringSerializer()));
		BatchDeadLetters deadLetters = DeadLetters.forBatches(template);
		return deadLetters.pausesPerBatch();
	}

	private DeadLetterPublishingRecoverer recoverer() {
		KafkaTemplate<String, String> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(Map.of(), new StringSerializer(), new StringSerializer()));
		return new DeadLetterPublishingRecoverer(template) {

			@Override
			public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
				BatchDeadLettersTests.this.deadLettered.add(record.offset());
			}

		};
	}

	private static List<ConsumerRecord<String, String>> records(int count) {
		return IntStream.range(0, count)
			.mapToObj((offset) -> new ConsumerRecord<>("orders", 0, offset, "key-" + offset, "value"))
			.toList();
	}

}
