package io.eventsuite.benchmarks.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.eventsuite.benchmarks.harness.CpuMeter;
import io.eventsuite.benchmarks.harness.JavaProcess;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-tools), unthrottled, in a fresh JVM: the
 * reference of every benchmark that holds the suite's publishing against the producer's
 * limit.
 */
public final class ProducerPerformanceRun {

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

	private ProducerPerformanceRun() {
	}

	/**
	 * Sends records as fast as the producer takes them and reads the tool's summary.
	 * @param topic an existing topic
	 * @param records records timed
	 * @param warmupRecords records sent first and not timed (0 for none)
	 * @param recordBytes the size of each record's value
	 * @param config the producer settings, a properties file
	 * ({@link ProducerSettings#write})
	 * @param output receives the tool's output
	 * @param profile whether to record a Java Flight Recording beside the output
	 * @param started given the tool's process once it runs ({@link CpuMeter#follow})
	 * @return the summary of the timed records
	 */
	public static ProducerPerformanceOutput run(String topic, int records, int warmupRecords, int recordBytes,
			Path config, Path output, boolean profile, Consumer<ProcessHandle> started) {
		List<String> args = new ArrayList<>(
				List.of("--topic", topic, "--num-records", String.valueOf(warmupRecords + records), "--record-size",
						String.valueOf(recordBytes), "--throughput", "-1", "--producer.config", config.toString()));
		if (warmupRecords > 0) {
			// The tool then also prints a summary of the records after the warm-up only.
			args.addAll(List.of("--warmup-records", String.valueOf(warmupRecords)));
		}
		int status = JavaProcess.run("org.apache.kafka.tools.ProducerPerformance", args, output, RUN_TIMEOUT, profile,
				started);
		List<String> lines = lines(output);
		if (status != 0) {
			throw new IllegalStateException("ProducerPerformance exited with " + status + ": " + lines);
		}
		return ProducerPerformanceOutput.parse(lines);
	}

	/**
	 * Checks the record counts of a run before any broker starts: the CPU figures divide
	 * by the timed records and scale by their share of all records sent.
	 * @param records timed records, at least 1
	 * @param warmupRecords untimed records sent first, at least 0
	 */
	public static void checkCounts(int records, int warmupRecords) {
		if (records < 1 || warmupRecords < 0) {
			throw new IllegalArgumentException("--records takes at least 1 and --warmup-records at least 0, not "
					+ records + " and " + warmupRecords);
		}
	}

	static List<String> lines(Path output) {
		try {
			return Files.readAllLines(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
