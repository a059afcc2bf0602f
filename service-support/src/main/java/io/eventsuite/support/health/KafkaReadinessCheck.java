package io.eventsuite.support.health;

import org.springframework.boot.health.contributor.Health;

/**
 * One part of the {@code kafka} health contributor, which the readiness group includes.
 * Every bean of this type becomes a child of that contributor under its {@link #name()}:
 * {@code cluster} and {@code listeners} today, and a Kafka Streams state check
 * ({@code streams}, OUT_OF_SERVICE unless the application is RUNNING) is meant to be
 * added the same way, as one more bean.
 * <p>
 * Implementations answer from state they already hold: a readiness probe must never wait
 * on the network.
 */
public interface KafkaReadinessCheck {

	/**
	 * The child's name under {@code kafka}.
	 * @return the name
	 */
	String name();

	/**
	 * The current state: UP, or OUT_OF_SERVICE with a reason.
	 * @return the health
	 */
	Health health();

}
