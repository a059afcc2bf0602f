package io.eventsuite.support.health;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaListenersCheckTests {

	@Test
	void upWhileEveryContainerRuns() {
		Health health = check(new Container("orders", true, true), new Container("chat", true, true)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("containers", Map.of("chat", "running", "orders", "running"));
	}

	@Test
	void outOfServiceWhenOneContainerStopped() {
		Health health = check(new Container("orders", false, true), new Container("chat", true, true)).health();

		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("containers", Map.of("chat", "running", "orders", "stopped"));
	}

	@Test
	void containerNotMeantToStartByItselfDoesNotCount() {
		Health health = check(new Container("replay", false, false)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("containers",
				Map.of("replay", "not started (autoStartup=false)"));
	}

	@Test
	void upWithoutAnyListener() {
		assertThat(new KafkaListenersCheck(() -> null).health().getStatus()).isEqualTo(Status.UP);
	}

	private static KafkaListenersCheck check(MessageListenerContainer... containers) {
		return new KafkaListenersCheck(() -> new Registry(List.of(containers)));
	}

	private record Container(String id, boolean running, boolean autoStartup) implements MessageListenerContainer {

		@Override
		public String getListenerId() {
			return this.id;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		@Override
		public void setupMessageListener(Object messageListener) {
		}

		@Override
		public Map<String, Map<MetricName, ? extends Metric>> metrics() {
			return Map.of();
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

	}

	private record Registry(List<MessageListenerContainer> containers) implements ListenerContainerRegistry {

		@Override
		public Collection<MessageListenerContainer> getListenerContainers() {
			return this.containers;
		}

		@Override
		public Collection<MessageListenerContainer> getAllListenerContainers() {
			return this.containers;
		}

		@Override
		public MessageListenerContainer getListenerContainer(String id) {
			return this.containers.stream().filter((c) -> c.getListenerId().equals(id)).findFirst().orElse(null);
		}

		@Override
		public Collection<MessageListenerContainer> getListenerContainersMatching(Predicate<String> idMatcher) {
			return this.containers.stream().filter((c) -> idMatcher.test(c.getListenerId())).toList();
		}

		@Override
		public Collection<MessageListenerContainer> getListenerContainersMatching(
				BiPredicate<String, MessageListenerContainer> matcher) {
			return this.containers.stream().filter((c) -> matcher.test(c.getListenerId(), c)).toList();
		}

		@Override
		public MessageListenerContainer getUnregisteredListenerContainer(String id) {
			return null;
		}

		@Override
		public Set<String> getListenerContainerIds() {
			return Set.copyOf(this.containers.stream().map(MessageListenerContainer::getListenerId).toList());
		}

	}

}
