package io.eventsuite.support.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;

/**
 * Whether the Kafka cluster answers: an admin client describes the cluster on a
 * background thread every interval, and {@link #health()} returns the latest answer, so a
 * probe never waits on the network. A result older than a few intervals counts as no
 * answer.
 */
public class KafkaClusterCheck implements KafkaReadinessCheck, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaClusterCheck.class);

	private final Map<String, Object> adminConfig;

	private final Duration interval;

	private final Duration timeout;

	private final Clock clock;

	private volatile Result last;

	private volatile ScheduledExecutorService executor;

	private Admin admin;

	/**
	 * Creates the check.
	 * @param adminConfig the admin client configuration (bootstrap servers, security)
	 * @param properties the interval and the timeout
	 * @param clock the clock that dates each answer
	 */
	public KafkaClusterCheck(Map<String, Object> adminConfig, KafkaHealthProperties properties, Clock clock) {
		this.adminConfig = new HashMap<>(adminConfig);
		int timeoutMs = Math.toIntExact(properties.timeout().toMillis());
		this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
		this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
		// Its own client id, so its metrics and logs are not mistaken for those of
		// KafkaAdmin's client.
		Object clientId = this.adminConfig.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "eventsuite");
		this.adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-health");
		this.interval = properties.interval();
		this.timeout = properties.timeout();
		this.clock = clock;
		this.last = new Result(Health.outOfService().withDetail("reason", "not checked yet").build(), clock.instant());
	}

	@Override
	public String name() {
		return "cluster";
	}

	@Override
	public Health health() {
		Result result = this.last;
		Duration age = Duration.between(result.checkedAt(), this.clock.instant());
		if (isRunning() && age.compareTo(this.interval.multipliedBy(3).plus(this.timeout)) > 0) {
			return Health.outOfService().withDetail("reason", "no answer for " + age.toSeconds() + "s").build();
		}
		return result.health();
	}

	/**
	 * Checks the cluster once, now, on the calling thread.
	 */
	void check() {
		Health health;
		try {
			if (this.admin == null) {
				this.admin = Admin.create(this.adminConfig);
			}
			DescribeClusterResult cluster = this.admin
				.describeCluster(new DescribeClusterOptions().timeoutMs(Math.toIntExact(this.timeout.toMillis())));
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			health = Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			health = Health.outOfService()
				.withDetail("reason", "cluster not reachable")
				.withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage())
				.build();
		}
		if (!health.getStatus().equals(this.last.health().getStatus())) {
			log.info("Kafka cluster check: {} {}", health.getStatus(), health.getDetails());
		}
		this.last = new Result(health, this.clock.instant());
	}

	// The first check runs before start() returns, so that a service is never reported
	// ready before anyone looked at the cluster, and never reported not ready for lack of
	// a first answer.
	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "kafka-health");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = scheduler;
		try {
			scheduler.submit(this::check).get(this.timeout.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("First Kafka cluster check did not complete: {}", ex.toString());
		}
		scheduler.scheduleWithFixedDelay(this::check, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
			try {
				scheduler.awaitTermination(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
			this.admin = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private record Result(Health health, Instant checkedAt) {
	}

}
