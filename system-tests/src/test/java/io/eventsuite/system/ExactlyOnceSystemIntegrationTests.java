package io.eventsuite.system;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;
import io.eventsuite.test.EventWriter;
import io.eventsuite.test.ServiceClient;
import io.eventsuite.test.ServiceProcess;
import io.eventsuite.test.TestKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once under a crash: activity-tracker's analytics process a backlog, the process
 * is killed with SIGKILL between two commits, once thousands of profile updates since the
 * last commit are in the changelog (records processed, their transaction not committed),
 * and a new process with an empty state directory restores from the changelog and picks
 * up from the last commit. Every user's count must equal what was sent: the aborted
 * transaction's updates are discarded with it, so nothing is counted twice. With
 * {@code processing.guarantee=at_least_once} the same run fails: the updates made before
 * the kill stay in the changelog and their records are processed again.
 */
class ExactlyOnceSystemIntegrationTests {

	private static final int USERS = 60;

	private static final int EVENTS_PER_USER = 5_000;

	private static final int TOTAL = USERS * EVENTS_PER_USER;

	private static final int UPDATES_IN_FLIGHT = 2_000;

	/** Partitions of the backlog topic, and so of the profiles' changelog. */
	private static final int PARTITIONS = 6;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String topic = "activity-eos-" + this.run;

	private final String applicationId = "activity-eos-" + this.run;

	@TempDir
	Path stateDirs;

	@Test
	void aKillBetweenCommitsAndARestartCountEveryEventExactlyOnce() throws Exception {
		EventWriter.ensureTopic(this.topic);
		sendBacklog();

		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()))) {
			ServiceProcess first = start("first");
			// Kill once the first commit is done and at least 2,000 profile updates made
			// since the last commit are in the changelog: processed, not committed.
			AtomicLong lastCommitted = new AtomicLong(-1);
			AtomicLong changelogAtLastCommit = new AtomicLong();
			await("updates in flight after a commit").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(20))
				.ignoreExceptions()
				.until(() -> {
					long committed = committed(admin);
					long changelog = changelogEnd(admin);
					if (committed != lastCommitted.getAndSet(committed)) {
						changelogAtLastCommit.set(changelog);
						return false;
					}
					return committed > 0 && changelog - changelogAtLastCommit.get() >= UPDATES_IN_FLIGHT;
				});
			first.kill();
			assertThat(lastCommitted.get()).as("the kill came in the middle of the backlog").isLessThan(TOTAL);

			ServiceProcess second = start("second");
			try {
				await("the backlog committed").atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> committed(admin) >= TOTAL);
				for (int user = 0; user < USERS; user++) {
					String path = "/api/activity/users/" + userId(user);
					HttpResponse<String> profile = await().atMost(Duration.ofSeconds(30))
						.until(() -> second.client().get(path), (response) -> response.statusCode() == 200);
					assertThat(ServiceClient.json(profile).get("activities").get("PAGE_VIEW").asLong()).as(path)
						.isEqualTo(EVENTS_PER_USER);
				}
			}
			finally {
				second.close();
			}
		}
	}

	private ServiceProcess start(String name) {
		// A long commit interval leaves seconds of processed, uncommitted records for the
		// kill to land in; without the record cache every update goes to the changelog at
		// once instead of at the next commit, the hardest case for exactly-once.
		return ServiceProcess.start("activity-tracker", TestKafkaBroker.bootstrapServers(),
				"--eventsuite.topics.user-activity.name=" + this.topic,
				"--spring.kafka.streams.application-id=" + this.applicationId,
				"--spring.kafka.streams.state-dir=" + this.stateDirs.resolve(name),
				"--spring.kafka.streams.properties.commit.interval.ms=3000",
				"--spring.kafka.streams.properties.statestore.cache.max.bytes=0");
	}

	private void sendBacklog() throws Exception {
		URI source = URI.create("/eventsuite/activity-tracker");
		Instant now = Instant.now();
		try (KafkaProducer<String, CloudEvent<?>> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
				new StringSerializer(), new CloudEventSerializer())) {
			for (int i = 0; i < TOTAL; i++) {
				ActivityRecorded event = new ActivityRecorded(userId(i % USERS), ActivityType.PAGE_VIEW,
						"/books/" + (i % 7), null, now);
				CloudEvent<ActivityRecorded> cloudEvent = CloudEvent.of(source, event);
				producer.send(new ProducerRecord<>(this.topic, cloudEvent.key(), cloudEvent));
			}
			producer.flush();
		}
	}

	// How many records of the backlog the application has committed, from the broker.
	private long committed(Admin admin) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(this.applicationId)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		return offsets.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().topic().equals(this.topic) && entry.getValue() != null)
			.mapToLong((entry) -> entry.getValue().offset())
			.sum();
	}

	// How many profile updates the changelog holds, those of open transactions included.
	private long changelogEnd(Admin admin) throws Exception {
		String changelog = this.applicationId + "-user-profiles-changelog";
		Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS)
			.boxed()
			.collect(Collectors.toMap((partition) -> new TopicPartition(changelog, partition),
					(partition) -> OffsetSpec.latest()));
		return admin.listOffsets(latest)
			.all()
			.get(10, TimeUnit.SECONDS)
			.values()
			.stream()
			.mapToLong((info) -> info.offset())
			.sum();
	}

	private static String userId(int user) {
		return "eos-user-" + user;
	}

}
