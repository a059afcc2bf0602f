package io.eventsuite.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Static group membership, switched on by naming the instance
 * ({@code eventsuite.kafka.instance-id}) with a name that survives its restarts (a
 * StatefulSet's pod, a fixed host): a member that restarts within the session timeout
 * gets its partitions back without a rebalance. Not a Deployment's pod name: the broker
 * holds a static member's partitions for the session timeout after it leaves, and a new
 * pod, with a new name, never claims them. Group listeners ask for it with
 * {@code properties = "#{@staticMembership.properties('<listener id>')}"}; listeners
 * without a group must not, because {@code group.instance.id} needs a group.
 */
public class StaticMembership {

	private final String instanceId;

	public StaticMembership(Properties properties) {
		this.instanceId = properties.instanceId();
	}

	/**
	 * Consumer properties for one listener.
	 * @param listenerId the listener's id, which keeps the member ids of one instance
	 * apart
	 * @return {@code group.instance.id=<instance>-<listener>}, or nothing when no
	 * instance id is set
	 */
	public String[] properties(String listenerId) {
		if (!StringUtils.hasText(this.instanceId)) {
			return new String[0];
		}
		return new String[] { "group.instance.id=" + this.instanceId + "-" + listenerId };
	}

	/**
	 * The instance's name in consumer groups.
	 *
	 * @param instanceId a name unique among the service's instances and stable across
	 * their restarts; empty for dynamic membership
	 */
	@ConfigurationProperties("eventsuite.kafka")
	public record Properties(@DefaultValue("") String instanceId) {
	}

}
