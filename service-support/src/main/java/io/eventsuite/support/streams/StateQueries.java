package io.eventsuite.support.streams;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
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
 * otherwise asks the host over HTTP ({@link InternalStateController}). A store
 * {@linkplain QueryableStore#spreadOver spread over} its partitions is read on every
 * instance that hosts some of them, at once, and the parts are merged. While the
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

	// Reads waiting for other instances take request threads: bounded, so that the
	// threads left can answer the other instances' own forwarded reads.
	private final Semaphore forwarding;

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
		this.forwarding = new Semaphore(properties.forwardingReads());
	}

	/**
	 * Records where this instance answers; called once its HTTP port is known.
	 * @param self this instance's {@code application.server}
	 */
	void advertisedAs(HostInfo self) {
		this.self = self;
	}

	/**
	 * Reads a key, from this instance or the one that hosts it; for a store spread over
	 * its partitions, from every instance that hosts some of them.
	 * @param <V> the value
	 * @param store the store
	 * @param key the key
	 * @return the value, empty when the store has none for the key
	 * @throws StateUnavailableException when no reliable answer can be had now
	 */
	public <V> Optional<V> find(QueryableStore<V> store, String key) {
		if (store.spread() != null) {
			return findSpread(store, key);
		}
		KeyQueryMetadata metadata = locate(store, key);
		if (metadata.activeHost().equals(this.self)) {
			return findLocal(store, key, metadata.partition());
		}
		return forwarded(() -> await(ask(metadata.activeHost(), store, key, List.of())));
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
		QueryableStore<?> store = declared(storeName);
		KeyQueryMetadata metadata = locate(store, key);
		if (!metadata.activeHost().equals(this.self)) {
			throw new StateUnavailableException("Key of " + storeName + " moved to " + metadata.activeHost());
		}
		return findLocal(store, key, metadata.partition());
	}

	/**
	 * Reads a key from some partitions of this instance's own store, spread over its
	 * partitions, and merges their parts.
	 * @param storeName the store
	 * @param key the key
	 * @param partitions the partitions, each hosted here
	 * @return the merged parts, empty when none of them has one
	 * @throws StateUnavailableException when this instance does not host one of them now
	 * @throws IllegalArgumentException when the store is not a declared
	 * {@link QueryableStore} spread over its partitions
	 */
	Optional<?> findHere(String storeName, String key, Collection<Integer> partitions) {
		QueryableStore<?> store = declared(storeName);
		if (store.spread() == null) {
			throw new IllegalArgumentException("Store " + storeName + " is partitioned by its key");
		}
		return findLocal(store, key, partitions);
	}

	private QueryableStore<?> declared(String storeName) {
		QueryableStore<?> store = this.stores.get(storeName);
		if (store == null) {
			throw new IllegalArgumentException("No queryable store " + storeName);
		}
		return store;
	}

	private <V> Optional<V> findSpread(QueryableStore<V> store, String key) {
		Map<HostInfo, SortedSet<Integer>> hosts = partitionsByHost(store);
		if (hosts.keySet().stream().allMatch((host) -> host.equals(this.self))) {
			return askAll(store, key, hosts);
		}
		return forwarded(() -> askAll(store, key, hosts));
	}

	private <V> Optional<V> askAll(QueryableStore<V> store, String key, Map<HostInfo, SortedSet<Integer>> hosts) {
		// Every other host is asked at once; this one reads its own meanwhile.
		List<CompletableFuture<Optional<V>>> parts = new ArrayList<>();
		hosts.forEach((host, partitions) -> {
			if (!host.equals(this.self)) {
				parts.add(ask(host, store, key, partitions));
			}
		});
		SortedSet<Integer> here = hosts.get(this.self);
		Optional<V> answer = (here != null) ? findLocal(store, key, here) : Optional.empty();
		for (CompletableFuture<Optional<V>> part : parts) {
			answer = merge(store, answer, await(part));
		}
		return answer;
	}

	// The hosts of the store's partitions as the last rebalance assigned them: every
	// partition of the input topic to one instance, which may have moved on since (it
	// then answers 503).
	private Map<HostInfo, SortedSet<Integer>> partitionsByHost(QueryableStore<?> store) {
		KafkaStreams kafkaStreams = running(store);
		if (this.self == null) {
			throw new StateUnavailableException("Store " + store.name() + " is being assigned");
		}
		Map<HostInfo, SortedSet<Integer>> hosts = new HashMap<>();
		SortedSet<Integer> all = new TreeSet<>();
		try {
			for (StreamsMetadata host : kafkaStreams.streamsMetadataForStore(store.name())) {
				host.topicPartitions()
					.stream()
					.filter((partition) -> partition.topic().equals(store.spread().topic()))
					.forEach((partition) -> {
						hosts.computeIfAbsent(host.hostInfo(), (h) -> new TreeSet<>()).add(partition.partition());
						all.add(partition.partition());
					});
			}
		}
		catch (IllegalStateException | InvalidStateStoreException ex) {
			throw new StateUnavailableException("Store " + store.name() + " cannot be located now", ex);
		}
		if (all.isEmpty() || all.last() != all.size() - 1) {
			throw new StateUnavailableException("Store " + store.name() + " is being assigned (" + kafkaStreams.state()
					+ "); partitions hosted now: " + all);
		}
		return hosts;
	}

	private static <V> Optional<V> merge(QueryableStore<V> store, Optional<V> answer, Optional<V> part) {
		if (answer.isEmpty()) {
			return part;
		}
		return part.map((value) -> store.spread().merge().apply(answer.get(), value)).or(() -> answer);
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

	private <V> Optional<V> findLocal(QueryableStore<V> store, String key, Collection<Integer> partitions) {
		Optional<V> answer = Optional.empty();
		for (int partition : partitions) {
			answer = merge(store, answer, findLocal(store, key, partition));
		}
		return answer;
	}

	private <V> Optional<V> findLocal(QueryableStore<V> store, String key, int partition) {
		if (store.readYourWritesTopic() != null) {
			this.readYourWrites.await(store.readYourWritesTopic(), partition);
		}
		KafkaStreams kafkaStreams = running(store);
		try {
			return Optional
				.ofNullable(store.read().read(new LocalPartition(kafkaStreams, store.name(), partition), key));
		}
		// IllegalStateException: Kafka Streams left RUNNING meanwhile (a shutdown begun
		// while this read waited for its view to catch up).
		catch (InvalidStateStoreException | IllegalStateException ex) {
			throw new StateUnavailableException(
					"Store " + store.name() + " partition " + partition + " is not queryable here now", ex);
		}
	}

	private <V> CompletableFuture<Optional<V>> ask(HostInfo host, QueryableStore<V> store, String key,
			Collection<Integer> partitions) {
		HttpRequest.Builder request = HttpRequest.newBuilder(internalUri(host, store.name(), key, partitions))
			.timeout(this.requestTimeout)
			.GET();
		if (this.token != null && !this.token.isEmpty()) {
			request.header(TOKEN_HEADER, this.token);
		}
		CompletableFuture<HttpResponse<byte[]>> sent = http().sendAsync(request.build(),
				HttpResponse.BodyHandlers.ofByteArray());
		// The request's timeout covers the wait for the headers only (until JDK 26): a
		// peer that stops in the middle of its body would hold this read for ever. On
		// time out the exchange is cancelled too, or its connection would stay open.
		return sent.copy()
			.orTimeout(this.requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((response, failure) -> {
				if (failure instanceof TimeoutException) {
					sent.cancel(true);
				}
			})
			.handle((response, failure) -> {
				if (failure != null) {
					log.warn("Instance {} did not answer for store {}: {}", host, store.name(), failure.toString());
					throw new StateUnavailableException("Instance " + host + " that hosts the key does not answer",
							failure);
				}
				return switch (response.statusCode()) {
					case 200 -> Optional.of(value(host, store, response.body()));
					case 204 -> Optional.empty();
					default -> throw new StateUnavailableException(
							"Instance " + host + " answered " + response.statusCode() + " for " + store.name());
				};
			});
	}

	private <T> T forwarded(Supplier<T> read) {
		if (!this.forwarding.tryAcquire()) {
			throw new StateUnavailableException("Too many reads of this instance wait for other instances now");
		}
		try {
			return read.get();
		}
		finally {
			this.forwarding.release();
		}
	}

	/**
	 * Where another instance answers for a store.
	 * @param host the instance, as Kafka Streams knows it from {@code application.server}
	 * @param store the store
	 * @param key the key
	 * @param partitions the partitions asked for, or none for the key's own
	 * @return the URI
	 */
	static URI internalUri(HostInfo host, String store, String key, Collection<Integer> partitions) {
		// An IPv6 address (a pod IP on an IPv6 cluster) goes in brackets, or the URI has
		// no host. A query parameter, form-encoded, carries any key unchanged; in a path
		// segment a "/" would be refused and a "+" would not decode to itself.
		String address = (host.host().contains(":") && !host.host().startsWith("[")) ? "[" + host.host() + "]"
				: host.host();
		StringBuilder uri = new StringBuilder("http://").append(address)
			.append(':')
			.append(host.port())
			.append(INTERNAL_PATH)
			.append(store)
			.append("?key=")
			.append(URLEncoder.encode(key, StandardCharsets.UTF_8));
		if (!partitions.isEmpty()) {
			uri.append("&partitions=")
				.append(partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		return URI.create(uri.toString());
	}

	private static <V> V value(HostInfo host, QueryableStore<V> store, byte[] body) {
		try {
			return EventJson.MAPPER.readValue(body, store.valueType());
		}
		catch (JacksonException ex) {
			log.warn("Instance {} answered unreadable JSON for store {}: {}", host, store.name(), ex.toString());
			throw new StateUnavailableException("Instance " + host + " answered unreadable JSON", ex);
		}
	}

	// The request's own timeout, and ask's for the body, bound the wait.
	private static <T> T await(CompletableFuture<T> answer) {
		try {
			return answer.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof StateUnavailableException unavailable) {
				throw unavailable;
			}
			throw new StateUnavailableException("Asking another instance failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StateUnavailableException("Interrupted while asking another instance", ex);
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

	/**
	 * One partition of a task's stores on this instance, as a read sees it: only the
	 * active task's, never a standby's.
	 */
	private record LocalPartition(KafkaStreams kafkaStreams, String queried,
			int partition) implements QueryableStore.PartitionStores {

		@Override
		public ReadOnlyKeyValueStore<String, ?> store() {
			return store(this.queried);
		}

		@Override
		public ReadOnlyKeyValueStore<String, ?> store(String name) {
			return this.kafkaStreams
				.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, Object>keyValueStore())
					.withPartition(this.partition));
		}

	}

}
