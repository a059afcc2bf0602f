package io.eventsuite.benchmarks.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CPU each thread of a process has taken since it started, as {@code top -H} reads
 * it: from {@code /proc/<pid>/task/<tid>/stat}, user and system time in ticks of
 * {@code USER_HZ} (100 per second on Linux), with the thread's name as the kernel keeps
 * it: its first 15 characters ({@code http-nio-8080-e} for Tomcat's
 * {@code http-nio-8080-exec-12}). A thread is known by its id and its start time, so that
 * a later thread given the same id is not mistaken for it.
 *
 * @param threads by thread id: its name and its ticks
 */
record ThreadTicks(Map<Long, Task> threads) {

	/** How much of a thread's name the kernel keeps. */
	static final int NAME_LENGTH = 15;

	/** What the kernel counts CPU time in, per second. */
	static final double TICKS_PER_SECOND = 100;

	private static final Path PROC = Path.of("/proc");

	/** Nothing read: not Linux, or the process is gone. */
	static final ThreadTicks NONE = new ThreadTicks(Map.of());

	ThreadTicks {
		threads = Collections.unmodifiableMap(new HashMap<>(threads));
	}

	/**
	 * One thread.
	 *
	 * @param name its name, at most 15 characters
	 * @param ticks its user and system time
	 * @param started when it started, in ticks since the machine booted: with the thread
	 * id, what tells a thread from a later one given the same id
	 */
	record Task(String name, long ticks, long started) {
	}

	/**
	 * What tells one thread from any other of its process, over its life and after.
	 *
	 * @param tid its id
	 * @param started its start, in ticks since the machine booted
	 */
	record Key(long tid, long started) {
	}

	/**
	 * Reads every thread of a process.
	 * @param pid the process
	 * @return its threads; {@link #NONE} where {@code /proc} does not have it
	 */
	static ThreadTicks of(long pid) {
		Map<Long, Task> threads = new HashMap<>();
		try (DirectoryStream<Path> tasks = Files
			.newDirectoryStream(PROC.resolve(String.valueOf(pid)).resolve("task"))) {
			for (Path entry : tasks) {
				readStat(entry.resolve("stat"))
					.ifPresent((thread) -> threads.put(Long.parseLong(entry.getFileName().toString()), thread));
			}
		}
		catch (IOException | RuntimeException ex) {
			return NONE;
		}
		return new ThreadTicks(threads);
	}

	// A thread may end between listing and reading: it is then left out, like one that
	// ended before the listing; so is a line that cannot be read, rather than the whole
	// process.
	private static Optional<Task> readStat(Path stat) {
		try {
			return Optional.of(parse(Files.readString(stat)));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Reads one line of {@code /proc/<pid>/task/<tid>/stat}:
	 * {@code tid (name) state ppid ... utime stime ... starttime ...}, utime and stime
	 * the 14th and 15th fields, starttime the 22nd. The name may hold spaces and
	 * parentheses, so it runs to the last {@code )}.
	 * @param line the line
	 * @return the thread
	 */
	static Task parse(String line) {
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		String[] after = line.substring(close + 2).trim().split(" ");
		// after[0] is the 3rd field (state): utime is after[11], stime after[12],
		// starttime after[19].
		return new Task(line.substring(open + 1, close), Long.parseLong(after[11]) + Long.parseLong(after[12]),
				Long.parseLong(after[19]));
	}

	/**
	 * The CPU each group of threads took since an earlier reading: threads that differ
	 * only in a trailing number ({@code GC Thread#0}, {@code GC Thread#1}) count
	 * together, as {@code GC Thread#}; a thread started since counts whole.
	 * @param earlier the reading at the window's start
	 * @return CPU seconds by group, in the order of their names
	 */
	Map<String, Double> secondsSince(ThreadTicks earlier) {
		Map<String, Long> ticks = new TreeMap<>();
		this.threads.forEach((tid, task) -> {
			Task before = earlier.threads.get(tid);
			ticks.merge(group(task.name()), (before != null && before.started() == task.started())
					? task.ticks() - before.ticks() : task.ticks(), Long::sum);
		});
		return seconds(ticks);
	}

	/**
	 * The CPU each group of threads took over their whole lives, grouped as
	 * {@link #secondsSince}.
	 * @param tasks the threads
	 * @return CPU seconds by group, in the order of their names
	 */
	static Map<String, Double> secondsOf(Collection<Task> tasks) {
		Map<String, Long> ticks = new TreeMap<>();
		tasks.forEach((task) -> ticks.merge(group(task.name()), task.ticks(), Long::sum));
		return seconds(ticks);
	}

	// Groups without CPU are left out.
	private static Map<String, Double> seconds(Map<String, Long> ticksByGroup) {
		Map<String, Double> seconds = new TreeMap<>();
		ticksByGroup.forEach((group, groupTicks) -> {
			if (groupTicks > 0) {
				seconds.put(group, groupTicks / TICKS_PER_SECOND);
			}
		});
		return seconds;
	}

	// A name the kernel cut after one character of its last part keeps that part's
	// first character only, which splits a family of threads by chance: Tomcat's
	// request threads from its poller (http-nio-8080-e, http-nio-8080-P; with a
	// five-digit port the kernel keeps neither), one start's Kafka Streams thread from
	// the next (order-service-<uuid>-StreamThread-1 is order-service-a or
	// order-service-7). That character goes too, and the family counts as one, on
	// purpose.
	static String group(String name) {
		int end = name.length();
		while (end > 0 && Character.isDigit(name.charAt(end - 1))) {
			end--;
		}
		if (name.length() == NAME_LENGTH && end == NAME_LENGTH && end >= 2 && name.charAt(end - 2) == '-') {
			end--;
		}
		return (end == 0) ? name : name.substring(0, end);
	}

}
