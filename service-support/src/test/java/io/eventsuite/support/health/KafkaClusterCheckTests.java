package io.eventsuite.support.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster check against an address where nothing listens (port 1 of the loopback
 * interface); the way back to UP is tested on a real broker by the services'
 * {@code ReadinessIntegrationTests}.
 */
class KafkaClusterCheckTests {

	private static final Map<String, Object> NO_BROKER = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
			"127.0.0.1:1");

	private final MutableClock clock = new MutableClock();

	private final KafkaClusterCheck check = new KafkaClusterCheck(NO_BROKER,
			new KafkaHealthProperties(Duration.ofSeconds(5), Duration.ofMillis(500)), this.clock);

	@AfterEach
	void stop() {
		this.check.stop();
	}

	@Test
	void notReadyBeforeTheFirstCheck() {
		assertThat(this.check.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(this.check.health().getDetails()).containsEntry("reason", "not checked yet");
	}

	@Test
	void unreachableClusterIsOutOfServiceWithinTheTimeout() {
		long start = System.nanoTime();
		this.check.start();
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		Health health = this.check.health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("reason", "cluster not reachable").containsKey("error");
		assertThat(took).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void answerFromTheCacheWithoutTouchingTheNetwork() {
		this.check.start();
		long start = System.nanoTime();
		this.check.health();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));
	}

	@Test
	void staleAnswerCountsAsNoAnswer() {
		this.check.start();
		this.clock.advance(Duration.ofSeconds(30));

		assertThat(this.check.health().getDetails()).containsEntry("reason", "no answer for 30s");
	}

	private static final class MutableClock extends Clock {

		private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
