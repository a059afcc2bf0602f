package io.eventsuite.support.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Whether every {@code @KafkaListener} container runs (a paused one still runs: pausing
 * is deliberate back-pressure). A container that stopped (by an error handler, a fatal
 * consumer error or an operator) makes the service not ready; one configured not to start
 * by itself ({@code autoStartup=false}) is reported but does not count.
 */
public class KafkaListenersCheck implements KafkaReadinessCheck {

	private final Supplier<ListenerContainerRegistry> registry;

	/**
	 * Creates the check.
	 * @param registry the registry of the {@code @KafkaListener} containers, or a
	 * supplier of {@code null} when the service has none
	 */
	public KafkaListenersCheck(Supplier<ListenerContainerRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public String name() {
		return "listeners";
	}

	@Override
	public Health health() {
		ListenerContainerRegistry containers = this.registry.get();
		Map<String, String> states = new TreeMap<>();
		boolean ready = true;
		if (containers != null) {
			for (MessageListenerContainer container : containers.getListenerContainers()) {
				String state = state(container);
				ready &= !"stopped".equals(state);
				states.put(container.getListenerId(), state);
			}
		}
		Health.Builder health = ready ? Health.up() : Health.outOfService();
		return health.withDetail("containers", states).build();
	}

	private static String state(MessageListenerContainer container) {
		if (container.isRunning() && container.isInExpectedState()) {
			return "running";
		}
		return container.isAutoStartup() ? "stopped" : "not started (autoStartup=false)";
	}

}
