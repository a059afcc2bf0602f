package io.eventsuite.notification.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.kafka.core.ConsumerFactory;
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

	@Bean
	PartitionFinder partitionFinder(ConsumerFactory<?, ?> consumerFactory, EventTopics topics, NewsMarks news) {
		return new PartitionFinder(consumerFactory, topics, news);
	}

	@Bean
	NewsMarks newsMarks() {
		return new NewsMarks();
	}

	@Bean
	SseBroadcaster sseBroadcaster(LiveProperties properties) {
		return new SseBroadcaster(properties.streamTimeout(), properties.clientBacklog(), senders());
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
