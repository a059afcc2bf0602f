package io.eventsuite.notification.orders;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the orders listener recognises events it has already handled.
 *
 * @param rememberedEvents how many recent event ids ({@code ce_id}) an instance
 * remembers; about 100 bytes each
 */
@ConfigurationProperties("eventsuite.notifications.deduplication")
@Validated
record OrdersProperties(@DefaultValue("100000") @Min(1) int rememberedEvents) {
}
