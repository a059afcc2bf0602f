package io.eventsuite.support.streams;

import java.util.Objects;

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
 */
public record QueryableStore<V>(String name, Class<V> valueType, String readYourWritesTopic) {

	public QueryableStore {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(valueType, "valueType");
	}

	/**
	 * A store whose reads answer from whatever it holds (eventually consistent).
	 * @param <V> the value
	 * @param name the store's name
	 * @param valueType the class of its values
	 * @return the declaration
	 */
	public static <V> QueryableStore<V> of(String name, Class<V> valueType) {
		return new QueryableStore<>(name, valueType, null);
	}

	/**
	 * The same store, read with read-your-writes on an input topic keyed like the store.
	 * @param topic the input topic
	 * @return the declaration
	 */
	public QueryableStore<V> readYourWrites(String topic) {
		return new QueryableStore<>(this.name, this.valueType, topic);
	}

}
