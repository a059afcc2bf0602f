package io.eventsuite.support.streams;

import java.util.Objects;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A key-value state store that the service lets clients query by key, on any instance.
 * Declaring one as a bean is what exposes it: {@link StateQueries} answers only for
 * declared stores, and the instances ask each other only about them.
 *
 * @param <V> the value the store holds
 * @param name the store's name in the topology
 * @param valueType the class of its values, for the JSON between instances
 * @param readYourWritesTopic the input topic whose every record the store reflects, or
 * {@code null}: when set, a read waits until the application has committed everything
 * that topic held when the read began (see {@link ReadYourWrites})
 * @param read how the host answers a key from its local store: by default the store's
 * value for that key
 */
public record QueryableStore<V>(String name, Class<V> valueType, String readYourWritesTopic, LocalRead<V> read) {

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
		return new QueryableStore<>(name, valueType, null, (store, key) -> valueType.cast(store.get(key)));
	}

	/**
	 * The same store, read with read-your-writes on an input topic keyed like the store.
	 * @param topic the input topic
	 * @return the declaration
	 */
	public QueryableStore<V> readYourWrites(String topic) {
		return new QueryableStore<>(this.name, this.valueType, topic, this.read);
	}

	/**
	 * The same store, whose answer for a key is computed from the local store rather than
	 * being its value: for example a range of composite keys that start with the key. The
	 * store's keys must be partitioned by the queried key, so that every entry of the
	 * answer lives on the key's host.
	 * @param localRead how the host computes the answer
	 * @return the declaration
	 */
	public QueryableStore<V> readWith(LocalRead<V> localRead) {
		return new QueryableStore<>(this.name, this.valueType, this.readYourWritesTopic, localRead);
	}

	/**
	 * How a host answers a key from its local store.
	 *
	 * @param <V> the answer
	 */
	@FunctionalInterface
	public interface LocalRead<V> {

		/**
		 * Answers a key.
		 * @param store the partition of the store that holds the key
		 * @param key the queried key
		 * @return the answer, {@code null} when there is none
		 */
		V read(ReadOnlyKeyValueStore<String, ?> store, String key);

	}

}
