package io.eventsuite.activity.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what one request may carry.
 *
 * @param maxBatchSize the most events one {@code POST /api/activity/batch} may hold;
 * larger batches get {@code 400}. Keep it, times the largest event, under
 * {@code eventsuite.http.max-request-body}.
 */
@ConfigurationProperties("eventsuite.activity")
@Validated
record ActivityProperties(@DefaultValue("500") @Min(1) @Max(10_000) int maxBatchSize) {
}
