package io.eventsuite.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.eventsuite.events.activity.ActivityEvent;
import io.eventsuite.events.activity.ActivityRecorded;
import io.eventsuite.events.chat.ChatEvent;
import io.eventsuite.events.chat.ChatMessageSent;
import io.eventsuite.events.notification.NotificationEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.order.OrderPlaced;

/**
 * Every topic of the contract, the one place that says which events travel where and
 * under which key.
 */
public final class Topics {

	/** Order lifecycle, keyed by order id so that an order's events stay in order. */
	public static final EventTopic<OrderEvent> ORDERS = new EventTopic<>("orders", "orderId", OrderEvent.class,
			List.of(EventType.of("eventsuite.order.placed.v1", OrderPlaced.class),
					EventType.of("eventsuite.order.cancelled.v1", OrderCancelled.class)));

	/** Chat messages, keyed by room id so that a room's messages stay in order. */
	public static final EventTopic<ChatEvent> CHAT_MESSAGES = new EventTopic<>("chat-messages", "roomId",
			ChatEvent.class, List.of(EventType.of("eventsuite.chat.message-sent.v1", ChatMessageSent.class)));

	/** User activity telemetry, keyed by user id. */
	public static final EventTopic<ActivityEvent> USER_ACTIVITY = new EventTopic<>("user-activity", "userId",
			ActivityEvent.class, List.of(EventType.of("eventsuite.activity.recorded.v1", ActivityRecorded.class)));

	/** Notifications sent to users, keyed by user id. */
	public static final EventTopic<NotificationEvent> NOTIFICATIONS = new EventTopic<>("notifications", "userId",
			NotificationEvent.class, List.of(EventType.of("eventsuite.notification.sent.v1", NotificationSent.class)));

	/** All topics of the contract. */
	public static final List<EventTopic<?>> ALL = List.of(ORDERS, CHAT_MESSAGES, USER_ACTIVITY, NOTIFICATIONS);

	private Topics() {
	}

	/**
	 * Finds the event type of any topic by its CloudEvents type string.
	 * @param ceType the {@code ce_type} header value
	 * @return the type, empty when the contract does not know it
	 */
	public static Optional<EventType<?>> typeOf(String ceType) {
		return Optional.ofNullable(TypeIndex.BY_CE_TYPE.get(ceType));
	}

	/**
	 * Finds the event type of any topic by its record class.
	 * @param eventClass the record class
	 * @return the type
	 * @throws IllegalArgumentException if no topic carries that class
	 */
	public static EventType<?> typeOf(Class<?> eventClass) {
		EventType<?> type = TypeIndex.BY_CLASS.get(eventClass);
		if (type == null) {
			throw new IllegalArgumentException(eventClass.getName() + " is not part of the contract");
		}
		return type;
	}

	/**
	 * Every event type by its two names, built once: each record sent and received is
	 * looked up here, and searching every topic's list per record cost 7% of the
	 * publishing benchmark's sending thread.
	 */
	private static final class TypeIndex {

		static final Map<String, EventType<?>> BY_CE_TYPE = ALL.stream()
			.flatMap((topic) -> topic.types().stream())
			.collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

		static final Map<Class<?>, EventType<?>> BY_CLASS = ALL.stream()
			.flatMap((topic) -> topic.types().stream())
			.collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

	}

}
