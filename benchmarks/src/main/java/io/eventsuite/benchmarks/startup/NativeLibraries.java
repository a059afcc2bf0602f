package io.eventsuite.benchmarks.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a running service loaded RocksDB's JNI library from, read from the files its
 * process has mapped ({@code /proc/<pid>/maps}). The image unpacks the library once and
 * loads it from there; a start that let RocksDB copy it out of its jar instead (15 MB
 * into the temporary directory) would not be the image's start, so the benchmark refuses
 * to time it.
 */
final class NativeLibraries {

	private static final String ROCKSDB = "librocksdbjni";

	private NativeLibraries() {
	}

	/**
	 * Fails unless the process loaded RocksDB's library from the directory, when the
	 * directory has one, and from nowhere else in any case.
	 * @param process a ready service
	 * @param directory where the image unpacks native libraries
	 */
	static void requireLoadedFrom(Process process, Path directory) {
		try {
			Path unpacked = directory.toRealPath();
			boolean provided;
			try (Stream<Path> files = Files.list(unpacked)) {
				provided = files.anyMatch(NativeLibraries::isRocksDb);
			}
			List<Path> mapped = mapped(process.pid());
			List<Path> elsewhere = mapped.stream().filter((file) -> !unpacked.equals(file.getParent())).toList();
			if (!elsewhere.isEmpty()) {
				throw new IllegalStateException("RocksDB's library was loaded from " + elsewhere + ", not from "
						+ unpacked + " as in the image");
			}
			if (provided && mapped.isEmpty()) {
				throw new IllegalStateException("RocksDB's library in " + unpacked + " was not loaded by readiness");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> mapped(long pid) throws IOException {
		// address perms offset dev inode path: the path, when there is one, is the
		// line's only part that starts with a slash (a deleted file ends " (deleted)").
		return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))
			.stream()
			.filter((line) -> line.indexOf('/') >= 0)
			.map((line) -> Path.of(line.substring(line.indexOf('/')).replace(" (deleted)", "")))
			.filter(NativeLibraries::isRocksDb)
			.distinct()
			.toList();
	}

	private static boolean isRocksDb(Path file) {
		return file.getFileName().toString().startsWith(ROCKSDB);
	}

}
