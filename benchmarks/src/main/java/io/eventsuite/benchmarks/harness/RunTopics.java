package io.eventsuite.benchmarks.harness;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.eventsuite.test.KafkaCluster;

/**
 * A fresh topic for each run, deleted after it, so that no run reads or writes behind
 * another and the disk does not fill up over many runs.
 */
public final class RunTopics {

	private RunTopics() {
	}

	/**
	 * Creates a topic with the layout of {@code orders}: six partitions, one replica.
	 * @param cluster the broker
	 * @param name the topic
	 */
	public static void create(KafkaCluster cluster, String name) {
		create(cluster, name, 1, 1);
	}

	/**
	 * Creates a topic with six partitions like {@code orders}, replicated.
	 * @param cluster the brokers
	 * @param name the topic
	 * @param replicas how many brokers keep a copy
	 * @param minInSyncReplicas its {@code min.insync.replicas}
	 */
	public static void create(KafkaCluster cluster, String name, int replicas, int minInSyncReplicas) {
		create(cluster, new NewTopic(name, 6, (short) replicas)
			.configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas))));
	}

	/**
	 * Creates a topic of any layout, for a run on several brokers.
	 * @param cluster the brokers
	 * @param topic the topic, its partitions, replicas and configuration
	 */
	public static void create(KafkaCluster cluster, NewTopic topic) {
		try (Admin admin = cluster.admin()) {
			admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not create topic " + topic.name(), ex);
		}
	}

	/**
	 * Deletes a topic and its data.
	 * @param cluster the broker
	 * @param name the topic
	 */
	public static void delete(KafkaCluster cluster, String name) {
		try (Admin admin = cluster.admin()) {
			admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not delete topic " + name, ex);
		}
	}

}
