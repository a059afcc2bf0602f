package io.eventsuite.activity.api;

/**
 * A batch holds more events than {@code eventsuite.activity.max-batch-size} allows.
 */
class BatchTooLargeException extends RuntimeException {

	private final int batchSize;

	private final int maxBatchSize;

	BatchTooLargeException(int batchSize, int maxBatchSize) {
		super("A batch holds at most " + maxBatchSize + " events; this one has " + batchSize
				+ ". Split it and send the parts one after the other.");
		this.batchSize = batchSize;
		this.maxBatchSize = maxBatchSize;
	}

	int batchSize() {
		return this.batchSize;
	}

	int maxBatchSize() {
		return this.maxBatchSize;
	}

}
