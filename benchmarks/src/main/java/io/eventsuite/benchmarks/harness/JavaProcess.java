package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A main class in a fresh JVM with this JVM's classpath, so that a reference and a
 * contender each start cold, with the same heap and flags, and do not share a JIT or a
 * garbage collector with the harness.
 */
public final class JavaProcess {

	/**
	 * The same for every reference and contender: a fixed heap, G1, English number
	 * formats.
	 */
	static final List<String> JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-Duser.language=en",
			"-Duser.country=US", "-Djava.awt.headless=true");

	private JavaProcess() {
	}

	/**
	 * Runs a main class to its end.
	 * @param mainClass the class
	 * @param args its arguments
	 * @param output receives its standard output and error
	 * @param timeout how long it may take
	 * @param profile whether to record a Java Flight Recording beside the output
	 * ({@code <output>.jfr}, JFR's {@code profile} settings)
	 * @return the exit status
	 * @throws IllegalStateException if it takes longer
	 */
	public static int run(String mainClass, List<String> args, Path output, Duration timeout, boolean profile) {
		return run(mainClass, args, output, timeout, profile, (process) -> {
		});
	}

	/**
	 * Runs a main class to its end, telling who wants to know once it has started.
	 * @param mainClass the class
	 * @param args its arguments
	 * @param output receives its standard output and error
	 * @param timeout how long it may take
	 * @param profile whether to record a Java Flight Recording beside the output
	 * @param started given the process as soon as it runs, for example
	 * {@link CpuMeter#follow}
	 * @return the exit status
	 * @throws IllegalStateException if it takes longer
	 */
	public static int run(String mainClass, List<String> args, Path output, Duration timeout, boolean profile,
			Consumer<ProcessHandle> started) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		if (profile) {
			command.add("-XX:StartFlightRecording:settings=profile,filename="
					+ output.toAbsolutePath().resolveSibling(output.getFileName() + ".jfr"));
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(args);
		try {
			Files.createDirectories(output.toAbsolutePath().getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			try {
				started.accept(process.toHandle());
			}
			catch (RuntimeException ex) {
				process.destroyForcibly();
				throw ex;
			}
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException(mainClass + " took longer than " + timeout + ", see " + output);
			}
			return process.exitValue();
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
