package io.eventsuite.order.domain;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many idempotency keys an instance remembers.
 *
 * @param maxKeys the most recent keys kept; the oldest are forgotten first
 */
@ConfigurationProperties("eventsuite.orders.idempotency")
@Validated
public record IdempotencyProperties(@DefaultValue("100000") @Min(1) int maxKeys) {
}
