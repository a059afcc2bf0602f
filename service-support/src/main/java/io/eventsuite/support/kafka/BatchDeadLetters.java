package io.eventsuite.support.kafka;

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * {@link DeadLetters}' policy applied record by record inside a transactional batch
 * listener, where one transaction commits a whole poll: a record that cannot be read goes
 * to the dead-letter topic as its bytes; a record that fails is retried in place, then
 * dead-lettered; the records after it carry on, in the same transaction. spring-kafka's
 * own after-rollback processor can only retry or recover a batch as a whole, which would
 * dead-letter the good records with the bad one; so the batch fails as a whole only when
 * the dead-lettering itself fails (the broker is away), and is then retried until it
 * succeeds ({@link DeadLetters#batchAfterRollbackProcessor}).
 * <p>
 * The pauses between retries are held to a budget per batch, a fifth of the transaction
 * timeout: past it, a failing record is dead-lettered without further retries. Ten
 * failing records at a second of pauses each would otherwise keep the transaction open
 * past a timeout of ten seconds; the coordinator would abort it, and the batch, read
 * again, would fail the same way for ever, its partition blocked and nothing
 * dead-lettered.
 */
public final class BatchDeadLetters {

	private static final Logger log = LoggerFactory.getLogger(BatchDeadLetters.class);

	private static final LogAccessor LOG_ACCESSOR = new LogAccessor(LogFactory.getLog(BatchDeadLetters.class));

	private final DeadLetterPublishingRecoverer recoverer;

	private final long pausesPerBatch;

	/**
	 * Applies the policy with a budget of pauses.
	 * @param recoverer writes the dead letters, in the batch's transaction
	 * @param pausesPerBatch how many pauses between retries one batch may take
	 */
	BatchDeadLetters(DeadLetterPublishingRecoverer recoverer, long pausesPerBatch) {
		this.recoverer = recoverer;
		this.pausesPerBatch = pausesPerBatch;
	}

	long pausesPerBatch() {
		return this.pausesPerBatch;
	}

	/**
	 * Handles each record of a batch in order.
	 * @param <K> the key
	 * @param <V> the value
	 * @param records the batch
	 * @param handler what to do with a readable record; it may throw
	 */
	public <K, V> void forEach(List<ConsumerRecord<K, V>> records, Consumer<ConsumerRecord<K, V>> handler) {
		PauseBudget pauses = new PauseBudget(this.pausesPerBatch);
		for (ConsumerRecord<K, V> record : records) {
			handle(record, handler, pauses);
		}
	}

	private <K, V> void handle(ConsumerRecord<K, V> record, Consumer<ConsumerRecord<K, V>> handler,
			PauseBudget pauses) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
		if (unreadable != null) {
			deadLetter(record, unreadable);
			return;
		}
		RuntimeException failure = null;
		for (long attempt = 0; attempt <= DeadLetters.RETRIES; attempt++) {
			try {
				handler.accept(record);
				return;
			}
			// A record of the wrong type for its topic will not get better by waiting.
			catch (IllegalArgumentException ex) {
				failure = ex;
				break;
			}
			catch (RuntimeException ex) {
				failure = ex;
				if (attempt == DeadLetters.RETRIES || !pauses.take()) {
					break;
				}
				pause();
			}
		}
		deadLetter(record, new ListenerExecutionFailedException("Record failed", failure));
	}

	private void deadLetter(ConsumerRecord<?, ?> record, Exception cause) {
		log.warn("Dead-lettering topic={} partition={} offset={}: {}", record.topic(), record.partition(),
				record.offset(), cause.toString());
		this.recoverer.accept(record, cause);
	}

	/**
	 * The pauses a batch has left.
	 */
	private static final class PauseBudget {

		private long left;

		PauseBudget(long left) {
			this.left = left;
		}

		boolean take() {
			if (this.left == 0) {
				return false;
			}
			this.left--;
			return true;
		}

	}

	private static void pause() {
		try {
			Thread.sleep(DeadLetters.INTERVAL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted between retries", ex);
		}
	}

}
