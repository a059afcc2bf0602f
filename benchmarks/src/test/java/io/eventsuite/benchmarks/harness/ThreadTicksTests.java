package io.eventsuite.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ThreadTicksTests {

	@Test
	void readsTheNameToTheLastParenthesisUserPlusSystemTimeAndTheStart() {
		// Fields 1 to 22: tid (name) state ppid pgrp session tty tpgid flags minflt
		// cminflt majflt cmajflt utime stime cutime cstime priority nice threads
		// itrealvalue starttime.
		String line = "4242 (C2 (x) Thread) S 1 4242 4242 0 -1 4194368 100 0 0 0 250 17 0 0 20 0 40 0 9001 77";

		assertThat(ThreadTicks.parse(line)).isEqualTo(new ThreadTicks.Task("C2 (x) Thread", 267, 9001));
	}

	@Test
	void threadsThatDifferOnlyInATrailingNumberAreOneGroup() {
		assertThat(ThreadTicks.group("GC Thread#1")).isEqualTo("GC Thread#");
		assertThat(ThreadTicks.group("chat-rooms-0-C-")).isEqualTo("chat-rooms-0-C-");
		assertThat(ThreadTicks.group("pool-2-thread-13")).isEqualTo("pool-2-thread-");
		assertThat(ThreadTicks.group("1234")).isEqualTo("1234");
	}

	@Test
	void aNameCutOneCharacterIntoItsLastPartLosesThatCharacter() {
		// Tomcat's request threads and poller; a Kafka Streams thread named after a
		// random process id; a name that is not cut keeps its character.
		assertThat(ThreadTicks.group("http-nio-8080-e")).isEqualTo("http-nio-8080-");
		assertThat(ThreadTicks.group("http-nio-8080-P")).isEqualTo("http-nio-8080-");
		assertThat(ThreadTicks.group("order-service-a")).isEqualTo("order-service-");
		assertThat(ThreadTicks.group("order-service-7")).isEqualTo("order-service-");
		assertThat(ThreadTicks.group("order-notificat")).isEqualTo("order-notificat");
		assertThat(ThreadTicks.group("worker-x")).isEqualTo("worker-x");
	}

	@Test
	void aThreadCountsItsTicksSinceTheEarlierReadingAndANewOneWhole() {
		ThreadTicks before = new ThreadTicks(Map.of(1L, new ThreadTicks.Task("GC Thread#0", 100, 10), 2L,
				new ThreadTicks.Task("GC Thread#1", 50, 10), 3L, new ThreadTicks.Task("idle", 7, 10), 5L,
				new ThreadTicks.Task("pool-1-thread-5", 400, 10)));
		ThreadTicks after = new ThreadTicks(Map.of(1L, new ThreadTicks.Task("GC Thread#0", 130, 10), 2L,
				new ThreadTicks.Task("GC Thread#1", 60, 10), 3L, new ThreadTicks.Task("idle", 7, 10), 4L,
				new ThreadTicks.Task("worker-4", 25, 300),
				// Thread 5 ended and its id went to a later thread of the same name,
				// which
				// counts whole, not as 5 - 400 ticks.
				5L, new ThreadTicks.Task("pool-1-thread-5", 5, 500)));

		assertThat(after.secondsSince(before)).containsOnly(Map.entry("GC Thread#", 0.4), Map.entry("worker-", 0.25),
				Map.entry("pool-1-thread-", 0.05));
	}

	@Test
	void threadsCountTheirWholeLivesByGroup() {
		List<ThreadTicks.Task> tasks = List.of(new ThreadTicks.Task("kafka-producer-", 120, 10),
				new ThreadTicks.Task("sender-0", 300, 20), new ThreadTicks.Task("sender-1", 250, 20),
				new ThreadTicks.Task("idle", 0, 10));

		assertThat(ThreadTicks.secondsOf(tasks)).containsOnly(Map.entry("kafka-producer-", 1.2),
				Map.entry("sender-", 5.5));
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aThreadShowsUnderTheFirstFifteenCharactersOfItsName() throws InterruptedException {
		long self = ProcessHandle.current().pid();
		ThreadTicks before = ThreadTicks.of(self);
		CountDownLatch spun = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread spinner = new Thread(() -> {
			SpinThenExit.spin(Duration.ofMillis(300));
			spun.countDown();
			// Alive until read: an ended thread is gone from /proc.
			awaitQuietly(release);
		}, "ticks-spinning-thread-7");
		spinner.setDaemon(true);
		spinner.start();
		try {
			assertThat(spun.await(30, TimeUnit.SECONDS)).isTrue();

			assertThat(ThreadTicks.of(self).secondsSince(before)).hasEntrySatisfying("ticks-spinning-",
					(seconds) -> assertThat(seconds).isCloseTo(0.3, within(0.05)));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aProcessThatIsNotThereHasNoThreads() {
		assertThat(ThreadTicks.of(Long.MAX_VALUE)).isEqualTo(ThreadTicks.NONE);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
