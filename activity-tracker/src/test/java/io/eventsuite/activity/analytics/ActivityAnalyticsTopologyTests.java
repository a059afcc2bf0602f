package io.eventsuite.activity.analytics;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderLine;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.events.wire.CloudEventSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The analytics topology on Kafka's {@link TopologyTestDriver}: the real topology, built
 * by the method the application uses, with exactly-once and the dead-letter handlers
 * configured as in production, records piped in with the event times a test chooses.
 */
class ActivityAnalyticsTopologyTests {

	private static final String APPLICATION_ID = "activity-tracker";

	private static final String DEAD_LETTERS = APPLICATION_ID + "-streams-dlt";

	private static final URI SOURCE = URI.create("/eventsuite/test");

	/** 10:00 sharp: the start of a window. */
	private static final Instant T0 = Instant.parse("2026-01-02T10:00:00Z");

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private TopologyTestDriver driver;

	private TestInputTopic<String, CloudEvent<?>> userActivity;

	private TestInputTopic<String, CloudEvent<?>> orders;

	private TestInputTopic<String, CloudEvent<?>> chatMessages;

	private TestOutputTopic<String, byte[]> deadLetters;

	@BeforeEach
	void startTopology() {
		this.driver = new TopologyTestDriver(topology(), config());
		this.userActivity = input("user-activity");
		this.orders = input("orders");
		this.chatMessages = input("chat-messages");
		this.deadLetters = this.driver.createOutputTopic(DEAD_LETTERS, new StringDeserializer(),
				new ByteArrayDeserializer());
	}

	@AfterEach
	void closeTopology() {
		this.driver.close();
	}

	@Test
	void pageViewsCountInTumblingOneMinuteWindowsByEventTime() {
		view("alice", "/books/1", T0);
		view("bob", "/books/1", T0.plusMillis(59_999));
		view("alice", "/books/1", T0.plusSeconds(60));
		view("alice", "/books/2", T0.plusSeconds(119));

		assertThat(topPages(T0)).containsExactly(new PageViews("/books/1", 2));
		assertThat(topPages(T0.plusSeconds(60))).containsExactly(new PageViews("/books/1", 1),
				new PageViews("/books/2", 1));
	}

	@Test
	void lateViewWithinTheGracePeriodStillCounts() {
		view("alice", "/a", T0.plusSeconds(10));
		// Stream time 10:01:29.999: the 10:00 window closes at 10:01:00 plus 30 s grace.
		view("alice", "/b", T0.plusSeconds(90).minusMillis(1));

		view("bob", "/a", T0.plusSeconds(50));

		assertThat(topPages(T0)).containsExactly(new PageViews("/a", 2));
	}

	@Test
	void lateViewAfterTheGracePeriodIsDropped() {
		view("alice", "/a", T0.plusSeconds(10));
		view("alice", "/b", T0.plusSeconds(90));

		view("bob", "/a", T0.plusSeconds(50));

		assertThat(topPages(T0)).containsExactly(new PageViews("/a", 1));
		assertThat(profile("bob").activities()).as("the profile still counts what the page statistics drop")
			.containsEntry(ActivityType.PAGE_VIEW, 1L);
		assertThat(this.meters.get(ActivityAnalyticsTopology.LATE_PAGE_VIEWS).counter().count()).isEqualTo(1.0);
	}

	@Test
	void aClientWhoseClockRunsAheadDoesNotMakeOtherUsersViewsLate() {
		// Sent at 10:00:10 by a client whose clock runs 4 minutes fast, which the API
		// allows; then an on-time view of another user.
		this.userActivity.pipeInput("alice",
				event(new ActivityRecorded("alice", ActivityType.PAGE_VIEW, "/fast", null, T0.plusSeconds(250))),
				T0.plusSeconds(10));
		this.userActivity.pipeInput("bob",
				event(new ActivityRecorded("bob", ActivityType.PAGE_VIEW, "/a", null, T0.plusSeconds(11))),
				T0.plusSeconds(11));

		assertThat(topPages(T0)).as("the fast clock's view counts when it was sent")
			.containsExactlyInAnyOrder(new PageViews("/fast", 1), new PageViews("/a", 1));
		assertThat(this.meters.get(ActivityAnalyticsTopology.LATE_PAGE_VIEWS).counter().count()).isZero();
	}

	@Test
	void anActivityFromBefore1970IsDeadLetteredAndProcessingContinues() {
		this.userActivity.pipeInput("alice", event(new ActivityRecorded("alice", ActivityType.PAGE_VIEW, "/reset-clock",
				null, Instant.parse("1969-12-31T23:00:00Z"))), T0);
		this.userActivity.pipeInput("alice", event(new ActivityRecorded("alice", ActivityType.PAGE_VIEW, "/ancient",
				null, Instant.parse("-999999999-01-01T00:00:00Z"))), T0);
		view("alice", "/after", T0.plusSeconds(1));

		List<TestRecord<String, byte[]>> dead = this.deadLetters.readRecordsToList();

		assertThat(dead).hasSize(2)
			.allSatisfy((record) -> assertThat(header(record, "__streams.errors.message"))
				.contains("no Kafka timestamp can hold"));
		assertThat(profile("alice").activities()).containsExactly(Map.entry(ActivityType.PAGE_VIEW, 1L));
		assertThat(topPages(T0)).containsExactly(new PageViews("/after", 1));
	}

	@Test
	void theTopPagesOfAWindowOlderThanTheRetentionAreDeleted() {
		view("alice", "/a", T0);
		view("alice", "/b", T0.plus(Duration.ofMinutes(30)));
		assertThat(topPages(T0)).containsExactly(new PageViews("/a", 1));

		// One hour (the retention) and one minute after the first window.
		view("alice", "/c", T0.plus(Duration.ofMinutes(61)));

		assertThat(topPages(T0)).as("the window before the retention").isEmpty();
		assertThat(topPages(T0.plus(Duration.ofMinutes(30)))).containsExactly(new PageViews("/b", 1));
		assertThat(topPages(T0.plus(Duration.ofMinutes(61)))).containsExactly(new PageViews("/c", 1));
		assertThat(topPagesWindows()).isEqualTo(2);
	}

	@Test
	void theTopPagesOfAWindowOlderThanTheRetentionAreDeletedWithTheRecordCacheOnAsShipped() {
		Properties cached = config();
		cached.remove(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
		this.driver.close();
		this.driver = new TopologyTestDriver(topology(), cached);
		this.userActivity = input("user-activity");

		theTopPagesOfAWindowOlderThanTheRetentionAreDeleted();
	}

	@Test
	void pageViewsTravelAsOneCountPerPageAndWindowEachFlush() {
		TestOutputTopic<String, String> byPage = this.driver.createOutputTopic(
				APPLICATION_ID + "-page-views-by-page-repartition", new StringDeserializer(), new StringDeserializer());
		IntStream.range(0, 50).forEach((i) -> view("user-" + i, "/a", T0.plusMillis(i)));
		IntStream.range(0, 30).forEach((i) -> view("user-" + i, "/b?ref=" + i, T0.plusSeconds(61)));
		view("alice", "/a", T0.plusSeconds(62));

		assertThat(topPages(T0)).containsExactly(new PageViews("/a", 50));
		assertThat(byPage.readRecordsToList()).extracting(TestRecord::key, TestRecord::value, TestRecord::timestamp)
			.as("oldest first, each stamped with its latest view")
			.containsExactly(tuple("/a", "50", T0.plusMillis(49).toEpochMilli()),
					tuple("/b", "30", T0.plusSeconds(61).toEpochMilli()),
					tuple("/a", "1", T0.plusSeconds(62).toEpochMilli()));

		view("bob", "/a", T0.plusSeconds(30));
		assertThat(topPages(T0)).as("a later flush adds to the window").containsExactly(new PageViews("/a", 51));
		assertThat(byPage.readRecordsToList()).extracting(TestRecord::key, TestRecord::value)
			.containsExactly(tuple("/a", "1"));
	}

	@Test
	void targetsAreNormalizedToTheirPage() {
		List.of("/books/1", "/books/1/", "/books/1?ref=mail", "/books/1#reviews", "/books/1/?a=1#b", "/", "/?tab=2",
				"//", "#top")
			.forEach((target) -> view("alice", target, T0));

		assertThat(topPages(T0)).containsExactly(new PageViews("/books/1", 5), new PageViews("/", 4));
	}

	@Test
	void topPagesKeepTheHundredMostViewedExactly() {
		Map<String, Long> expected = new HashMap<>();
		// 150 pages viewed once, then some of those that were cut off get more views.
		IntStream.range(0, 150).forEach((i) -> viewCounted(expected, "/p/" + (1000 + i), T0.plusMillis(i)));
		IntStream.range(0, 3).forEach((i) -> viewCounted(expected, "/p/1149", T0.plusSeconds(10)));
		IntStream.range(0, 2).forEach((i) -> viewCounted(expected, "/p/1120", T0.plusSeconds(20)));
		viewCounted(expected, "/p/1001", T0.plusSeconds(30));

		List<PageViews> top = topPages(T0);

		assertThat(top).hasSize(TopPages.MAX_PAGES)
			.containsExactlyElementsOf(expected.entrySet()
				.stream()
				.map((e) -> new PageViews(e.getKey(), e.getValue()))
				.sorted(Comparator.comparingLong(PageViews::views).reversed().thenComparing(PageViews::page))
				.limit(TopPages.MAX_PAGES)
				.toList());
		assertThat(top.subList(0, 3)).containsExactly(new PageViews("/p/1149", 4), new PageViews("/p/1120", 3),
				new PageViews("/p/1001", 2));
	}

	@Test
	void profileCountsActivityByTypeAndKeepsTheLatestEventTime() {
		activity("alice", ActivityType.LOGIN, "/login", T0.plusSeconds(5));
		activity("alice", ActivityType.SEARCH, "kafka books", T0.plusSeconds(30));
		activity("alice", ActivityType.CLICK, "buy-button", T0.plusSeconds(20));
		activity("alice", ActivityType.CLICK, "buy-button", T0.plusSeconds(10));

		UserProfile alice = profile("alice");

		assertThat(alice.userId()).isEqualTo("alice");
		assertThat(alice.activities()).containsExactly(Map.entry(ActivityType.CLICK, 2L),
				Map.entry(ActivityType.SEARCH, 1L), Map.entry(ActivityType.LOGIN, 1L));
		assertThat(alice.lastSeen()).isEqualTo(T0.plusSeconds(30));
	}

	@Test
	void ordersCountPerCustomerAndChatMessagesPerSender() {
		UUID orderId = UUID.randomUUID();
		this.orders.pipeInput(orderId.toString(), event(OrderPlaced.of(orderId, "alice",
				List.of(new OrderLine("BOOK-1", 1, BigDecimal.TEN)), "EUR", T0.plusSeconds(40))));
		this.orders.pipeInput(orderId.toString(),
				event(new OrderCancelled(orderId, "alice", "oops", T0.plusSeconds(50))));
		this.chatMessages.pipeInput("lobby", event(message("lobby", "alice", T0.plusSeconds(45))));
		this.chatMessages.pipeInput("books", event(message("books", "alice", T0.plusSeconds(46))));
		this.chatMessages.pipeInput("lobby", event(message("lobby", "bob", T0.plusSeconds(47))));

		UserProfile alice = profile("alice");

		assertThat(alice.ordersPlaced()).as("a cancellation does not undo a placed order").isEqualTo(1);
		assertThat(alice.chatMessagesSent()).isEqualTo(2);
		assertThat(alice.activities()).isEmpty();
		assertThat(alice.lastSeen()).isEqualTo(T0.plusSeconds(46));
		assertThat(profile("bob").chatMessagesSent()).isEqualTo(1);
	}

	@Test
	void tombstoneErasesTheProfileAndItsChangelogEntry() {
		TestOutputTopic<String, byte[]> changelog = this.driver.createOutputTopic(
				APPLICATION_ID + "-user-profiles-changelog", new StringDeserializer(), new ByteArrayDeserializer());
		view("alice", "/a", T0);
		this.chatMessages.pipeInput("lobby", event(message("lobby", "alice", T0.plusSeconds(1))));
		assertThat(profile("alice")).isNotNull();

		this.userActivity.pipeInput("alice", null, T0.plusSeconds(2));

		assertThat(profiles().get("alice")).isNull();
		List<TestRecord<String, byte[]>> logged = changelog.readRecordsToList();
		assertThat(logged).last().satisfies((last) -> {
			assertThat(last.key()).isEqualTo("alice");
			assertThat(last.value()).as("a tombstone, so that compaction removes the profile").isNull();
		});
		assertThat(topPages(T0)).as("page statistics hold no user id and stay").containsExactly(new PageViews("/a", 1));

		view("alice", "/b", T0.plusSeconds(3));

		assertThat(profile("alice").activities()).as("a returning user starts from nothing")
			.containsExactly(Map.entry(ActivityType.PAGE_VIEW, 1L));
	}

	@Test
	void botUsersAreLeftOutAndCounted() {
		view("probe-1", "/health", T0);
		this.orders.pipeInput("o-1", event(OrderPlaced.of(UUID.randomUUID(), "probe-1",
				List.of(new OrderLine("X", 1, BigDecimal.ONE)), "EUR", T0)));
		this.chatMessages.pipeInput("lobby", event(message("lobby", "probe-1", T0)));
		view("alice", "/a", T0);

		assertThat(profiles().get("probe-1")).isNull();
		assertThat(topPages(T0)).containsExactly(new PageViews("/a", 1));
		assertThat(this.meters.get(ActivityAnalyticsTopology.BOT_EVENTS).counter().count()).isEqualTo(3.0);
		assertThat(this.deadLetters.isEmpty()).as("bots are filtered on purpose, not errors").isTrue();
	}

	@Test
	void invalidEventsGoToTheDeadLetterTopicAndProcessingContinues() {
		this.userActivity.pipeInput("alice", event(new ActivityRecorded("alice", ActivityType.CLICK, " ", null, T0)));
		this.userActivity.pipeInput("mallory",
				event(new ActivityRecorded("alice", ActivityType.CLICK, "/a", null, T0)));
		this.orders.pipeInput("o-1", event(new ActivityRecorded("alice", ActivityType.CLICK, "/a", null, T0)));
		view("alice", "/after", T0.plusSeconds(1));

		List<TestRecord<String, byte[]>> dead = this.deadLetters.readRecordsToList();

		assertThat(dead).extracting(TestRecord::key).containsExactly("alice", "mallory", "o-1");
		assertThat(dead).allSatisfy((record) -> assertThat(header(record, "__streams.errors.exception"))
			.isEqualTo(InvalidEventException.class.getName()));
		assertThat(dead).extracting((record) -> header(record, "__streams.errors.topic"))
			.containsExactly("user-activity", "user-activity", "orders");
		assertThat(header(dead.get(1), "__streams.errors.message")).contains("not its userId");
		assertThat(header(dead.get(1), "ce_type")).as("the record as it was read, headers included")
			.isEqualTo("eventsuite.activity.recorded.v1");
		assertThat(profile("alice").activities()).containsExactly(Map.entry(ActivityType.PAGE_VIEW, 1L));
	}

	@Test
	void onlyTheReKeyedStreamsAreRepartitionedAndEveryInternalTopicIsNamed() {
		TopologyDescription description = topology().describe();
		TopologyDescription.Subtopology profiles = description.subtopologies()
			.stream()
			.filter((subtopology) -> subtopology.nodes()
				.stream()
				.anyMatch((node) -> node instanceof TopologyDescription.Processor processor
						&& processor.stores().contains(ActivityAnalyticsTopology.USER_PROFILES)))
			.findFirst()
			.orElseThrow();
		view("alice", "/a", T0);
		this.orders.pipeInput("o-1", event(
				OrderPlaced.of(UUID.randomUUID(), "alice", List.of(new OrderLine("X", 1, BigDecimal.ONE)), "EUR", T0)));
		this.chatMessages.pipeInput("lobby", event(message("lobby", "alice", T0)));
		this.driver.advanceWallClockTime(PageViewPartials.FLUSH_INTERVAL);

		assertThat(sourceTopics(profiles)).as("the profile store is fed by user-activity itself")
			.containsExactlyInAnyOrder("user-activity", "orders-by-customer-repartition", "chat-by-sender-repartition");
		assertThat(this.driver.producedTopicNames()).containsExactlyInAnyOrder(
				"activity-tracker-orders-by-customer-repartition", "activity-tracker-chat-by-sender-repartition",
				"activity-tracker-page-views-by-page-repartition", "activity-tracker-top-pages-by-window-repartition",
				"activity-tracker-user-profiles-changelog", "activity-tracker-page-view-partials-changelog",
				"activity-tracker-page-views-changelog", "activity-tracker-top-pages-changelog");
		assertThat(description.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
	}

	private Topology topology() {
		StreamsBuilder builder = new StreamsBuilder();
		ActivityAnalyticsTopology.build(builder, new InputTopics("user-activity", "orders", "chat-messages", 6),
				new AnalyticsProperties(Set.of("probe-1"), Duration.ofSeconds(30), Duration.ofHours(1)), this.meters);
		return builder.build();
	}

	private static Properties config() {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				LogAndContinueExceptionHandler.class.getName());
		config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
				LogAndContinueProcessingExceptionHandler.class.getName());
		config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, DEAD_LETTERS);
		// Every update reaches the stores at once, as a commit would make it.
		config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
		return config;
	}

	private TestInputTopic<String, CloudEvent<?>> input(String topic) {
		return this.driver.createInputTopic(topic, new StringSerializer(), new CloudEventSerializer());
	}

	private void view(String userId, String target, Instant at) {
		activity(userId, ActivityType.PAGE_VIEW, target, at);
	}

	private void viewCounted(Map<String, Long> counts, String page, Instant at) {
		view("alice", page, at);
		counts.merge(page, 1L, Long::sum);
	}

	private void activity(String userId, ActivityType type, String target, Instant at) {
		this.userActivity.pipeInput(userId, event(new ActivityRecorded(userId, type, target, null, at)));
	}

	private static CloudEvent<?> event(DomainEvent event) {
		return CloudEvent.of(SOURCE, event);
	}

	private static ChatMessageSent message(String roomId, String senderId, Instant at) {
		return new ChatMessageSent(UUID.randomUUID(), roomId, senderId, "hello", at);
	}

	private List<PageViews> topPages(Instant windowStart) {
		// The page counts travel on once per flush interval, on the wall clock.
		this.driver.advanceWallClockTime(PageViewPartials.FLUSH_INTERVAL);
		TopPages top = this.driver.<String, TopPages>getKeyValueStore(ActivityAnalyticsTopology.TOP_PAGES)
			.get(ActivityAnalyticsTopology.windowKey(windowStart));
		return (top != null) ? top.pages() : List.of();
	}

	private long topPagesWindows() {
		try (var all = this.driver.<String, TopPages>getKeyValueStore(ActivityAnalyticsTopology.TOP_PAGES).all()) {
			long windows = 0;
			while (all.hasNext()) {
				all.next();
				windows++;
			}
			return windows;
		}
	}

	private UserProfile profile(String userId) {
		UserProfile profile = profiles().get(userId);
		assertThat(profile).as("profile of %s", userId).isNotNull();
		return profile;
	}

	private KeyValueStore<String, UserProfile> profiles() {
		return this.driver.getKeyValueStore(ActivityAnalyticsTopology.USER_PROFILES);
	}

	private static Set<String> sourceTopics(TopologyDescription.Subtopology subtopology) {
		return subtopology.nodes()
			.stream()
			.filter(TopologyDescription.Source.class::isInstance)
			.flatMap((node) -> ((TopologyDescription.Source) node).topicSet().stream())
			.collect(Collectors.toSet());
	}

	private static String header(TestRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
