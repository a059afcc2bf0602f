package io.eventsuite.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool that may not be installed.
 */
final class Commands {

	private Commands() {
	}

	/**
	 * The result of a command.
	 *
	 * @param exitCode its exit status
	 * @param output stdout and stderr together
	 */
	record Result(int exitCode, String output) {
	}

	/**
	 * Runs a command in a directory.
	 * @return its result, empty when the program is not installed
	 */
	static Optional<Result> run(Path directory, List<String> command) {
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within 2 minutes");
			}
			return Optional.of(new Result(process.exitValue(), output));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a program answers its version flag. */
	static boolean installed(List<String> versionCommand) {
		return run(Repository.ROOT, versionCommand).map((result) -> result.exitCode() == 0).orElse(false);
	}

}
