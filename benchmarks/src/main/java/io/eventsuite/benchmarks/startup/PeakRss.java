package io.eventsuite.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's peak resident set size, as the Linux kernel counts it: {@code VmHWM} in
 * {@code /proc/<pid>/status}, the most memory the process ever had in RAM at once (heap,
 * metaspace, code cache, thread stacks, direct buffers and the JVM itself).
 */
final class PeakRss {

	private static final double KB_PER_MB = 1024;

	private PeakRss() {
	}

	/**
	 * Reads a running process's peak.
	 * @param pid the process
	 * @return its peak RSS in MB (2<sup>20</sup> bytes)
	 */
	static double megabytes(long pid) {
		try {
			return megabytes(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No /proc status of process " + pid + " (Linux only)", ex);
		}
	}

	/**
	 * Finds the peak in the lines of a {@code /proc/<pid>/status} file, such as
	 * {@code VmHWM:	  241536 kB}.
	 * @param status the file's lines
	 * @return the peak in MB (2<sup>20</sup> bytes)
	 */
	static double megabytes(List<String> status) {
		return status.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> line.substring("VmHWM:".length()).trim())
			.filter((value) -> value.endsWith(" kB"))
			.mapToDouble((value) -> Long.parseLong(value.substring(0, value.length() - 3).trim()) / KB_PER_MB)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No VmHWM in kB in " + status));
	}

}
