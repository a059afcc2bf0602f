package io.eventsuite.notification.live;

import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.health.contributor.Health;

import io.eventsuite.support.health.KafkaReadinessCheck;

/**
 * The {@code history} part of readiness: UP once the publish-subscribe listeners have
 * read back what was in their topics when they started ({@link NewsMarks}). Before that,
 * a client resuming with {@code Last-Event-ID} on this instance would not be given what
 * it missed, and {@code GET .../messages} would list an incomplete room. Answers from
 * memory.
 */
class ReadBackCheck implements KafkaReadinessCheck {

	private final NewsMarks news;

	ReadBackCheck(NewsMarks news) {
		this.news = news;
	}

	@Override
	public String name() {
		return "history";
	}

	@Override
	public Health health() {
		Map<TopicPartition, Long> readingBack = this.news.readingBack();
		if (readingBack.isEmpty()) {
			return Health.up().build();
		}
		Map<String, Long> upTo = new TreeMap<>();
		readingBack.forEach((partition, mark) -> upTo.put(partition.toString(), mark));
		return Health.outOfService().withDetail("reading back, up to offset", upTo).build();
	}

}
