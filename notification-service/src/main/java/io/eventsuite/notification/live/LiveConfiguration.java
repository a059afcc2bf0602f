package io.eventsuite.notification.live;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import io.eventsuite.support.kafka.EventTopics;

/**
 * Publish-subscribe reading: listeners name their partitions (from
 * {@link PartitionFinder}) and no group, so every instance reads everything. spring-kafka
 * then acknowledges manually, and since nothing acknowledges, no offset is ever
 * committed: each instance decides where it starts reading when it starts.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	/**
	 * How long a partition goes without a record before its listener is told: what a
	 * read-back ending on a commit marker adds to the time to ready.
	 */
	static final Duration QUIET_AFTER = Duration.ofMillis(200);

	@Bean
	PartitionFinder partitionFinder(ConsumerFactory<?, ?> consumerFactory, EventTopics topics, NewsMarks news) {
		return new PartitionFinder(consumerFactory, topics, news);
	}

	@Bean
	NewsMarks newsMarks() {
		return new NewsMarks();
	}

	@Bean
	ReadBackCheck readBackCheck(NewsMarks news) {
		return new ReadBackCheck(news);
	}

	/**
	 * Tells the publish-subscribe listeners (the containers with partitions of their own)
	 * of a partition that has had no record for a moment, with its position: how they
	 * learn that a read-back ended on a transaction's commit marker, after the last
	 * record ({@link NewsMarks}). Only {@code ConsumerSeekAware} listeners are told; the
	 * others get an event no one listens to.
	 * @return the customizer Spring Boot applies to every listener container
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> quietPartitions() {
		return (container) -> {
			if (container.getContainerProperties().getTopicPartitions() != null) {
				container.getContainerProperties().setIdlePartitionEventInterval(QUIET_AFTER.toMillis());
			}
		};
	}

	@Bean
	SseBroadcaster sseBroadcaster(LiveProperties properties, JsonMapper json) {
		return new SseBroadcaster(properties.streamTimeout(), properties.backlog(), senders(), json);
	}

	/**
	 * The threads that write to clients: virtual threads where the JVM has them (Java
	 * 21+, the image's 25), so that a client that stops reading costs next to nothing
	 * while its write waits; platform threads on Java 17. Either way a thread is made
	 * when none is idle, so that no client waits for another's write.
	 */
	private static ExecutorService senders() {
		ThreadFactory threads;
		try {
			threads = new VirtualThreadTaskExecutor("sse-").getVirtualThreadFactory();
		}
		catch (UnsupportedOperationException ex) {
			CustomizableThreadFactory platform = new CustomizableThreadFactory("sse-");
			platform.setDaemon(true);
			threads = platform;
		}
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
	}

}
