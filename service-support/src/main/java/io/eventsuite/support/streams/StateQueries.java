package io.eventsuite.support.streams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.eventsuite.events.wire.EventJson;

/**
 * Interactive queries that any instance answers for any key. Kafka Streams knows which
 * instance hosts the active task of a key's partition (each instance advertises itself as
 * {@code application.server}); this instance reads its own store when that is itself, and
 * otherwise asks the host over HTTP ({@link InternalStateController}). While the
 * application starts, restores or rebalances there is no reliable answer, and the read
 * fails with {@link StateUnavailableException} ({@code 503}), never with a wrong "not
 * found".
 */
public class StateQueries {

	/** The path instances ask each other at: {@code /internal/state/{store}?key=...}. */
	public static final String INTERNAL_PATH = "/internal/state/";

	/** The header that carries {@code eventsuite.streams.internal-token}. */
	public static final String TOKEN_HEADER = "Eventsuite-Internal-Token";

	private static final Logger log = LoggerFactory.getLogger(StateQueries.class);

	private final StreamsBuilderFactoryBean streams;

	private final Map<String, QueryableStore<?>> stores;

	private final ReadYourWrites readYourWrites;

	// Made on the first forwarded query, not with the bean: building a client loads the
	// JDK's default TLS context, about 0.17 s of every start, and an instance that hosts
	// every partition itself never forwards.
	private volatile HttpClient http;

	private final Duration forwardTimeout;

	private final Duration requestTimeout;

	private final String token;

	private volatile HostInfo self;

	StateQueries(StreamsBuilderFactoryBean streams, Iterable<QueryableStore<?>> stores, ReadYourWrites readYourWrites,
			StreamsProperties properties) {
		this.streams = streams;
		this.stores = StreamSupport.stream(stores.spliterator(), false)
			.collect(Collectors.toUnmodifiableMap(QueryableStore::name, Function.identity()));
		this.readYourWrites = readYourWrites;
		this.forwardTimeout = properties.forwardTimeout();
		// The host may itself wait for its view to catch up before it answers.
		this.requestTimeout = properties.forwardTimeout().plus(properties.readYourWritesTimeout());
		this.token = properties.internalToken();
	}

	/**
	 * Records where this instance answers; called once its HTTP port is known.
	 * @param self this instance's {@code application.server}
	 */
	void advertisedAs(HostInfo self) {
		this.self = self;
	}

	/**
	 * Reads a key, from this instance or the one that hosts it.
	 * @param <V> the value
	 * @param store the store
	 * @param key the key
	 * @return the value, empty when the store has none for the key
	 * @throws StateUnavailableException when no reliable answer can be had now
	 */
	public <V> Optional<V> find(QueryableStore<V> store, String key) {
		KeyQueryMetadata metadata = locate(store, key);
		if (metadata.activeHost().equals(this.self)) {
			return findLocal(store, key, metadata.partition());
		}
		return findRemote(metadata.activeHost(), store, key);
	}

	/**
	 * Reads a key from this instance's own store, as the host of the key.
	 * @param storeName the store
	 * @param key the key
	 * @return the value, empty when the store has none for the key
	 * @throws StateUnavailableException when this instance does not host the key now
	 * @throws IllegalArgumentException when the store is not a declared
	 * {@link QueryableStore}
	 */
	Optional<?> findHere(String storeName, String key) {
		QueryableStore<?> store = this.stores.get(storeName);
		if (store == null) {
			throw new IllegalArgumentException("No queryable store " + storeName);
		}
		KeyQueryMetadata metadata = locate(store, key);
		if (!metadata.activeHost().equals(this.self)) {
			throw new StateUnavailableException("Key of " + storeName + " moved to " + metadata.activeHost());
		}
		return findLocal(store, key, metadata.partition());
	}

	private KeyQueryMetadata locate(QueryableStore<?> store, String key) {
		KafkaStreams kafkaStreams = running(store);
		KeyQueryMetadata metadata;
		try {
			metadata = kafkaStreams.queryMetadataForKey(store.name(), key, Serdes.String().serializer());
		}
		catch (IllegalStateException | InvalidStateStoreException ex) {
			throw new StateUnavailableException("Store " + store.name() + " cannot be located now", ex);
		}
		if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || this.self == null) {
			throw new StateUnavailableException("Store " + store.name() + " is being assigned (" + kafkaStreams.state()
					+ "); no instance hosts the key yet");
		}
		return metadata;
	}

	private <V> Optional<V> findLocal(QueryableStore<V> store, String key, int partition) {
		if (store.readYourWritesTopic() != null) {
			this.readYourWrites.await(store.readYourWritesTopic(), partition);
		}
		try {
			ReadOnlyKeyValueStore<String, Object> local = running(store).store(StoreQueryParameters
				.fromNameAndType(store.name(), QueryableStoreTypes.<String, Object>keyValueStore())
				.withPartition(partition));
			return Optional.ofNullable(store.read().read(local, key));
		}
		// IllegalStateException: Kafka Streams left RUNNING meanwhile (a shutdown begun
		// while this read waited for its view to catch up).
		catch (InvalidStateStoreException | IllegalStateException ex) {
			throw new StateUnavailableException(
					"Store " + store.name() + " partition " + partition + " is not queryable here now", ex);
		}
	}

	private <V> Optional<V> findRemote(HostInfo host, QueryableStore<V> store, String key) {
		// A query parameter, form-encoded, carries any key unchanged; in a path segment a
		// "/" would be refused and a "+" would not decode to itself.
		URI uri = URI.create("http://" + host.host() + ":" + host.port() + INTERNAL_PATH + store.name() + "?key="
				+ URLEncoder.encode(key, StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(this.requestTimeout).GET();
		if (this.token != null && !this.token.isEmpty()) {
			request.header(TOKEN_HEADER, this.token);
		}
		try {
			HttpResponse<byte[]> response = http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return switch (response.statusCode()) {
				case 200 -> Optional.of(EventJson.MAPPER.readValue(response.body(), store.valueType()));
				case 204 -> Optional.empty();
				default -> throw new StateUnavailableException(
						"Instance " + host + " answered " + response.statusCode() + " for " + store.name());
			};
		}
		catch (IOException | JacksonException ex) {
			log.warn("Instance {} did not answer for store {}: {}", host, store.name(), ex.toString());
			throw new StateUnavailableException("Instance " + host + " that hosts the key does not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StateUnavailableException("Interrupted while asking " + host, ex);
		}
	}

	private KafkaStreams running(QueryableStore<?> store) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null || !kafkaStreams.state().isRunningOrRebalancing()) {
			throw new StateUnavailableException("Store " + store.name() + " is not open: Kafka Streams is "
					+ ((kafkaStreams != null) ? kafkaStreams.state() : "not started"));
		}
		return kafkaStreams;
	}

	private HttpClient http() {
		HttpClient client = this.http;
		if (client == null) {
			synchronized (this) {
				client = this.http;
				if (client == null) {
					client = HttpClient.newBuilder().connectTimeout(this.forwardTimeout).build();
					this.http = client;
				}
			}
		}
		return client;
	}

}
