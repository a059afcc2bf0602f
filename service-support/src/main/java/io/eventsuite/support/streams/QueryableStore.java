package io.eventsuite.support.streams;

import java.util.Objects;
import java.util.function.BinaryOperator;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A key-value state store that the service lets clients query by key, on any instance.
 * Declaring one as a bean is what exposes it: {@link StateQueries} answers only for
 * declared stores, and the instances ask each other only about them.
 * <p>
 * A store is read in one of two ways. By default it is partitioned by the queried key, so
 * one partition, on one instance, holds the whole answer. A store
 * {@link #spreadOver(String, BinaryOperator) spread over} its topic's partitions instead
 * holds part of every answer in each partition: every partition is read, on whichever
 * instance hosts it, and the parts are merged.
 *
 * @param <V> the value the store holds
 * @param name the store's name in the topology
 * @param valueType the class of its values, for the JSON between instances
 * @param readYourWritesTopic the input topic whose every record the store reflects, or
 * {@code null}: when set, a read waits until the application has committed everything
 * that topic held when the read began (see {@link ReadYourWrites})
 * @param read how the host answers a key from its partition of the store: by default the
 * store's value for that key
 * @param spread {@code null} when the store is partitioned by the queried key; otherwise
 * how its answers are spread and merged
 */
public record QueryableStore<V>(String name, Class<V> valueType, String readYourWritesTopic, LocalRead<V> read,
		Spread<V> spread) {

	public QueryableStore {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(valueType, "valueType");
		Objects.requireNonNull(read, "read");
	}

	/**
	 * A store whose reads answer from whatever it holds (eventually consistent).
	 * @param <V> the value
	 * @param name the store's name
	 * @param valueType the class of its values
	 * @return the declaration
	 */
	public static <V> QueryableStore<V> of(String name, Class<V> valueType) {
		return new QueryableStore<>(name, valueType, null,
				(partition, key) -> valueType.cast(partition.store().get(key)), null);
	}

	/**
	 * The same store, read with read-your-writes on an input topic keyed like the store.
	 * @param topic the input topic
	 * @return the declaration
	 */
	public QueryableStore<V> readYourWrites(String topic) {
		return new QueryableStore<>(this.name, this.valueType, topic, this.read, this.spread);
	}

	/**
	 * The same store, whose answer for a key is computed from the host's partition rather
	 * than being the store's value: for example a range of composite keys that start with
	 * the key, or entries of another store of the same task.
	 * @param localRead how the host computes the answer
	 * @return the declaration
	 */
	public QueryableStore<V> readWith(LocalRead<V> localRead) {
		return new QueryableStore<>(this.name, this.valueType, this.readYourWritesTopic, localRead, this.spread);
	}

	/**
	 * The same store, not partitioned by the queried key: every partition may hold part
	 * of the answer. A read asks each instance for its partitions' parts and merges them,
	 * or fails with {@link StateUnavailableException} when a partition cannot be read
	 * now.
	 * @param topic the input topic whose partitions are the store's
	 * @param merge merges two non-null parts of an answer
	 * @return the declaration
	 */
	public QueryableStore<V> spreadOver(String topic, BinaryOperator<V> merge) {
		return new QueryableStore<>(this.name, this.valueType, this.readYourWritesTopic, this.read,
				new Spread<>(topic, merge));
	}

	/**
	 * How a store not partitioned by the queried key is read.
	 *
	 * @param <V> the answer
	 * @param topic the input topic whose partitions are the store's
	 * @param merge merges two non-null parts of an answer
	 */
	public record Spread<V>(String topic, BinaryOperator<V> merge) {

		public Spread {
			Objects.requireNonNull(topic, "topic");
			Objects.requireNonNull(merge, "merge");
		}

	}

	/**
	 * How a host answers a key from its partition of the store.
	 *
	 * @param <V> the answer
	 */
	@FunctionalInterface
	public interface LocalRead<V> {

		/**
		 * Answers a key.
		 * @param partition the stores of the partition that is read
		 * @param key the queried key
		 * @return the answer, {@code null} when there is none
		 */
		V read(PartitionStores partition, String key);

	}

	/**
	 * The stores of one partition, that is of one task, on the host that reads them.
	 */
	public interface PartitionStores {

		/**
		 * The queried store's partition.
		 * @return the store
		 */
		ReadOnlyKeyValueStore<String, ?> store();

		/**
		 * Another key-value store of the same task, for example the one an index points
		 * into.
		 * @param name the store's name
		 * @return the store's partition
		 */
		ReadOnlyKeyValueStore<String, ?> store(String name);

	}

}
