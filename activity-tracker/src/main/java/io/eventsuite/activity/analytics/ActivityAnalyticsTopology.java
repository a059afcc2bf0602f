package io.eventsuite.activity.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.activity.ActivityType;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.support.streams.StreamsSerdes;

/**
 * The analytics topology, built here and nowhere else (the Spring configuration and the
 * tests call {@link #build}).
 * <ul>
 * <li>A profile per user ({@value #USER_PROFILES}) from {@code user-activity} (keyed by
 * user), {@code orders} re-keyed by customer and {@code chat-messages} re-keyed by
 * sender. Only the two re-keyed streams go through repartition topics, with as many
 * partitions as {@code user-activity}, so that partition {@code p} of the store is fed by
 * partition {@code p} of {@code user-activity}: what read-your-writes relies on.</li>
 * <li>Page views per page in one-minute event-time windows ({@value #PAGE_VIEWS}),
 * counted first where they arrive ({@link PageViewPartials}) and summed per page after
 * the repartition, and the top pages of each window ({@value #TOP_PAGES}, keyed by the
 * window start).</li>
 * </ul>
 * Every processor, store and internal topic is named, so that internal topic names stay
 * the same when the topology changes elsewhere.
 */
final class ActivityAnalyticsTopology {

	static final String USER_PROFILES = "user-profiles";

	static final String PAGE_VIEWS = "page-views";

	static final String TOP_PAGES = "top-pages";

	static final String ORDERS_BY_CUSTOMER = "orders-by-customer";

	static final String CHAT_BY_SENDER = "chat-by-sender";

	static final String PAGE_VIEWS_BY_PAGE = "page-views-by-page";

	static final String TOP_PAGES_BY_WINDOW = "top-pages-by-window";

	static final Duration PAGE_WINDOW = Duration.ofMinutes(1);

	/** Counts the events of configured bot users that were left out. */
	static final String BOT_EVENTS = "eventsuite.analytics.bot-events";

	/**
	 * Counts the page views left out of the page statistics because they came too late.
	 */
	static final String LATE_PAGE_VIEWS = "eventsuite.analytics.late-page-views";

	private ActivityAnalyticsTopology() {
	}

	/**
	 * Adds the analytics to a builder.
	 * @param builder the builder of the application
	 * @param topics the input topics
	 * @param properties bots, grace period and retention
	 * @param meters where the analytics count the events they leave out
	 * @return the profiles
	 */
	static KTable<String, UserProfile> build(StreamsBuilder builder, InputTopics topics, AnalyticsProperties properties,
			MeterRegistry meters) {
		Counter botEvents = Counter.builder(BOT_EVENTS)
			.description("Events of configured bot users that the analytics left out")
			.register(meters);
		Counter lateViews = Counter.builder(LATE_PAGE_VIEWS)
			.description("Page views that arrived after their window and its grace period closed, left out")
			.register(meters);
		Predicate<String> bot = (userId) -> {
			boolean isBot = properties.isBot(userId);
			if (isBot) {
				botEvents.increment();
			}
			return isBot;
		};
		KStream<String, CloudEvent<DomainEvent>> userActivity = builder.stream(topics.userActivity(),
				consumed("user-activity"));
		KStream<String, ActivityRecorded> activities = userActivity
			.filter((userId, event) -> event != null, Named.as("user-activity-events"))
			.mapValues(ValidEvents::activity, Named.as("user-activity-validate"))
			.filterNot((userId, activity) -> bot.test(userId), Named.as("user-activity-drop-bots"));
		countPageViews(activities, properties, lateViews);
		KStream<String, ProfileUpdate> erasures = userActivity
			.filter((userId, event) -> event == null, Named.as("user-activity-tombstones"))
			.mapValues(ValidEvents::erasure, Named.as("user-activity-erasures"));
		return activities.mapValues(ProfileUpdate::activity, Named.as("user-activity-profile-updates"))
			.merge(erasures, Named.as("profile-updates-with-erasures"))
			.merge(ordersByCustomer(builder, topics, bot), Named.as("profile-updates-with-orders"))
			.merge(chatBySender(builder, topics, bot), Named.as("profile-updates-with-chat"))
			// Every merged stream is keyed by user id and partitioned like user-activity:
			// no repartition here, and none of user-activity anywhere.
			.groupByKey(Grouped.with(USER_PROFILES, Serdes.String(), StreamsSerdes.json(ProfileUpdate.class)))
			.aggregate(UserProfile::none, (userId, update, profile) -> profile.apply(userId, update),
					Named.as("user-profiles-aggregate"),
					Materialized.<String, UserProfile, KeyValueStore<Bytes, byte[]>>as(USER_PROFILES)
						.withKeySerde(Serdes.String())
						.withValueSerde(StreamsSerdes.json(UserProfile.class)));
	}

	/**
	 * The key of a window in {@value #TOP_PAGES}.
	 * @param windowStart the window's start
	 * @return the start as an ISO-8601 instant
	 */
	static String windowKey(Instant windowStart) {
		return windowStart.toString();
	}

	private static KStream<String, ProfileUpdate> ordersByCustomer(StreamsBuilder builder, InputTopics topics,
			Predicate<String> bot) {
		return builder.stream(topics.orders(), consumed("orders"))
			// Nobody erases an order through this topic; a tombstone there says nothing
			// about what a user did.
			.filter((orderId, event) -> event != null, Named.as("orders-events"))
			.flatMapValues(ValidEvents::placedOrder, Named.as("orders-placed"))
			.filterNot((orderId, placed) -> bot.test(placed.customerId()), Named.as("orders-drop-bots"))
			.selectKey((orderId, placed) -> placed.customerId(), Named.as("orders-key-by-customer"))
			.mapValues((customerId, placed) -> ProfileUpdate.orderPlaced(placed.placedAt()),
					Named.as("orders-profile-updates"))
			.repartition(repartitioned(ORDERS_BY_CUSTOMER, topics));
	}

	private static KStream<String, ProfileUpdate> chatBySender(StreamsBuilder builder, InputTopics topics,
			Predicate<String> bot) {
		return builder.stream(topics.chatMessages(), consumed("chat-messages"))
			.filter((roomId, event) -> event != null, Named.as("chat-messages-events"))
			.mapValues(ValidEvents::sentMessage, Named.as("chat-messages-validate"))
			.filterNot((roomId, sent) -> bot.test(sent.senderId()), Named.as("chat-messages-drop-bots"))
			.selectKey((roomId, sent) -> sent.senderId(), Named.as("chat-messages-key-by-sender"))
			.mapValues((senderId, sent) -> ProfileUpdate.chatMessageSent(sent.sentAt()),
					Named.as("chat-messages-profile-updates"))
			.repartition(repartitioned(CHAT_BY_SENDER, topics));
	}

	private static void countPageViews(KStream<String, ActivityRecorded> activities, AnalyticsProperties properties,
			Counter lateViews) {
		activities.filter((userId, activity) -> activity.type() == ActivityType.PAGE_VIEW, Named.as("page-views"))
			// A view's time is its record's timestamp (EventTimeExtractor).
			.selectKey((userId, view) -> Pages.normalize(view.target()), Named.as("page-views-key-by-page"))
			// Counted per page where they arrive first: the repartition topic carries a
			// count per page and window every 100 ms, not every view, and nothing of the
			// user.
			.process(new PageViewPartials(properties.pageWindowGrace(), lateViews), Named.as("page-views-partials"),
					PageViewPartials.STORE)
			.repartition(Repartitioned.<String, Long>as(PAGE_VIEWS_BY_PAGE)
				.withKeySerde(Serdes.String())
				.withValueSerde(new PageViewCountSerde()))
			.groupByKey(Grouped.with(Serdes.String(), new PageViewCountSerde()))
			.windowedBy(TimeWindows.ofSizeAndGrace(PAGE_WINDOW, properties.pageWindowGrace()))
			.reduce(Long::sum, Named.as("page-views-count"),
					Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(PAGE_VIEWS)
						.withKeySerde(Serdes.String())
						.withValueSerde(Serdes.Long())
						.withRetention(properties.pageRetention()))
			.groupBy(ActivityAnalyticsTopology::byWindow,
					Grouped.with(TOP_PAGES_BY_WINDOW, Serdes.String(), StreamsSerdes.json(PageViews.class)))
			.aggregate(TopPages::none, (windowStart, views, top) -> top.add(views),
					(windowStart, views, top) -> top.subtract(views), Named.as("top-pages-aggregate"),
					Materialized.<String, TopPages, KeyValueStore<Bytes, byte[]>>as(TOP_PAGES)
						.withKeySerde(Serdes.String())
						.withValueSerde(StreamsSerdes.json(TopPages.class))
						// A key-value store keeps every window it ever saw until
						// ExpiredTopPages deletes it; the changelog forgets the old
						// ones too, so a restore brings back only recent windows.
						.withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
								TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
								TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.pageRetention().toMillis()),
								// Deletion drops whole segments only: roll them often
								// enough
								// that old windows go soon after the retention.
								TopicConfig.SEGMENT_MS_CONFIG,
								String.valueOf(properties.pageRetention().dividedBy(6).toMillis()))))
			.toStream(Named.as("top-pages-updates"))
			.process(() -> new ExpiredTopPages(properties.pageRetention()), Named.as("top-pages-expire"), TOP_PAGES);
	}

	private static KeyValue<String, PageViews> byWindow(Windowed<String> page, Long views) {
		return KeyValue.pair(windowKey(page.window().startTime()), new PageViews(page.key(), views));
	}

	private static Consumed<String, CloudEvent<DomainEvent>> consumed(String topicId) {
		return Consumed.with(Serdes.String(), StreamsSerdes.cloudEvents())
			.withTimestampExtractor(new EventTimeExtractor())
			.withName(topicId + "-source");
	}

	private static Repartitioned<String, ProfileUpdate> repartitioned(String name, InputTopics topics) {
		return Repartitioned.<String, ProfileUpdate>as(name)
			.withKeySerde(Serdes.String())
			.withValueSerde(StreamsSerdes.json(ProfileUpdate.class))
			.withNumberOfPartitions(topics.userActivityPartitions());
	}

}
