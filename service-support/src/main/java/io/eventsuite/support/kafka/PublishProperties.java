package io.eventsuite.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a caller waits for the broker's answer at most.
 *
 * @param timeout the bound on a publish; a safety net above the producer's own
 * {@code max.block.ms} plus {@code delivery.timeout.ms}, which normally fail first
 */
@ConfigurationProperties("eventsuite.publish")
public record PublishProperties(@DefaultValue("10s") Duration timeout) {
}
