package io.eventsuite.notification.orders;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the orders listener recognises events it has already handled.
 *
 * @param rememberedEvents how many recent event ids ({@code ce_id}) an instance
 * remembers; about 100 bytes each
 * @param rememberedSize the most bytes the remembered ids take, counted from above (a
 * usual 36-character id counts 200 bytes): what bounds the memory when another producer
 * writes order events with ids up to the 1,000 characters a notification can name
 */
@ConfigurationProperties("eventsuite.notifications.deduplication")
@Validated
record OrdersProperties(@DefaultValue("100000") @Min(1) int rememberedEvents,
		@DefaultValue("24MB") DataSize rememberedSize) {

	OrdersProperties {
		if (rememberedSize.toBytes() < 1) {
			throw new IllegalArgumentException(
					"eventsuite.notifications.deduplication.remembered-size must be positive");
		}
	}

}
