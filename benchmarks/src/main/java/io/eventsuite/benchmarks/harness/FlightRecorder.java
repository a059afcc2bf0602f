package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.eventsuite.test.ServiceJava;

/**
 * A Java Flight Recording of a running JVM (a service under load), started and stopped
 * with {@code jcmd}: what bounds a figure, from JFR's {@code profile} settings.
 */
public final class FlightRecorder {

	private static final String NAME = "benchmark";

	private final long pid;

	private final Path file;

	private FlightRecorder(long pid, Path file) {
		this.pid = pid;
		this.file = file;
	}

	/**
	 * Starts recording.
	 * @param pid the JVM's process id
	 * @param file where the recording goes when stopped
	 * @return the recording, to be stopped
	 */
	public static FlightRecorder start(long pid, Path file) {
		FlightRecorder recorder = new FlightRecorder(pid, file.toAbsolutePath());
		recorder.jcmd("JFR.start", "name=" + NAME, "settings=profile");
		return recorder;
	}

	/**
	 * Stops recording and writes the file.
	 * @return the file
	 */
	public Path stop() {
		jcmd("JFR.stop", "name=" + NAME, "filename=" + this.file);
		return this.file;
	}

	private void jcmd(String... command) {
		// The service's own JDK: its image may run a newer one than the harness.
		List<String> line = new ArrayList<>(List.of(ServiceJava.tool("jcmd"), String.valueOf(this.pid)));
		line.addAll(List.of(command));
		try {
			Files.createDirectories(this.file.getParent());
			Process process = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect
					.appendTo(this.file.resolveSibling(this.file.getFileName() + ".jcmd.log").toFile()))
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for " + this.pid);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
