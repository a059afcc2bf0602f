package io.eventsuite.kafkalocal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats the broker's log directory the way {@code kafka-storage.sh format --standalone}
 * does, but in this process. Only a directory without {@code meta.properties} is
 * formatted, so topics and records survive restarts.
 */
final class Storage {

	private Storage() {
	}

	/**
	 * Whether the log directory was already formatted by an earlier run.
	 * @param logDir the broker's log directory
	 * @return {@code true} if it holds {@code meta.properties}
	 */
	static boolean isFormatted(Path logDir) {
		return Files.isRegularFile(logDir.resolve("meta.properties"));
	}

	/**
	 * Formats the log directory named in the configuration with a new cluster id, making
	 * this node the only voter of the controller quorum.
	 * @param serverProperties the broker configuration
	 * @return the storage tool's summary line, naming the directory and metadata version
	 * @throws IllegalStateException if formatting failed
	 */
	static String format(Path serverProperties) {
		String clusterId = Uuid.randomUuid().toString();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int status;
		try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			status = StorageTool.execute(
					new String[] { "format", "--standalone", "-t", clusterId, "-c", serverProperties.toString() },
					printStream);
		}
		// The tool reports bad input by throwing instead of by status; both mean the same
		// here.
		catch (RuntimeException ex) {
			throw new IllegalStateException("Formatting Kafka storage failed: " + ex.getMessage(), ex);
		}
		String report = output.toString(StandardCharsets.UTF_8).strip();
		if (status != 0) {
			throw new IllegalStateException("Formatting Kafka storage failed (status " + status + "): " + report);
		}
		// The lines before the summary dump every bootstrap record; nobody needs them on
		// a console.
		return report.substring(report.lastIndexOf('\n') + 1);
	}

}
