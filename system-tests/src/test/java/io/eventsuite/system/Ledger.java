package io.eventsuite.system;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.eventsuite.events.DomainEvent;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;
import io.eventsuite.test.TopicReader;

import static org.awaitility.Awaitility.await;

/**
 * What the cluster holds, counted: {@code OrderPlaced} records per order, and
 * notifications per order event. Reads committed records only, as every consumer of the
 * suite does.
 */
final class Ledger implements AutoCloseable {

	private final TopicReader orders;

	private final TopicReader notifications;

	private final Map<String, Integer> placedRecords = new HashMap<>();

	private final Map<String, String> eventIdByOrder = new HashMap<>();

	private final Map<String, Integer> notificationsByEvent = new HashMap<>();

	Ledger(String bootstrapServers) {
		this.orders = TopicReader.of("orders", bootstrapServers);
		this.notifications = TopicReader.of("notifications", bootstrapServers);
	}

	/**
	 * Reads until every given order has been placed and notified, or the time is up, then
	 * counts everything.
	 * @param orderIds the orders that must be there
	 * @return this ledger, counted
	 */
	Ledger awaitNotified(Collection<String> orderIds) {
		try {
			await().pollInSameThread()
				.atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> count() && orderIds.stream().allMatch((id) -> notificationsFor(id) > 0));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Fall through: the assertions say what is missing.
		}
		return this;
	}

	private boolean count() {
		this.placedRecords.clear();
		this.eventIdByOrder.clear();
		this.notificationsByEvent.clear();
		for (ConsumerRecord<String, CloudEvent<DomainEvent>> record : this.orders.readToEnd()) {
			if (record.value().data() instanceof OrderPlaced placed) {
				this.placedRecords.merge(placed.orderId().toString(), 1, Integer::sum);
				this.eventIdByOrder.put(placed.orderId().toString(), record.value().id());
			}
		}
		for (ConsumerRecord<String, CloudEvent<DomainEvent>> record : this.notifications.readToEnd()) {
			if (record.value().data() instanceof NotificationSent notification) {
				this.notificationsByEvent.merge(notification.sourceEventId(), 1, Integer::sum);
			}
		}
		return true;
	}

	/**
	 * Reads until every given order is in the topic or the time is up; orders lost for
	 * good never arrive, so the wait is short.
	 * @param orderIds the orders that should be there
	 * @param patience how long to wait for the last of them
	 * @return this ledger, counted
	 */
	Ledger awaitPlaced(Collection<String> orderIds, Duration patience) {
		try {
			await().pollInSameThread()
				.atMost(patience)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> count() && orderIds.stream().allMatch((id) -> placedRecordsOf(id) > 0));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Fall through: the caller counts what is missing.
		}
		return this;
	}

	int placedRecordsOf(String orderId) {
		return this.placedRecords.getOrDefault(orderId, 0);
	}

	int notificationsFor(String orderId) {
		String eventId = this.eventIdByOrder.get(orderId);
		return (eventId != null) ? this.notificationsByEvent.getOrDefault(eventId, 0) : 0;
	}

	/**
	 * The orders whose count of records or notifications is not exactly one, for a
	 * failure message.
	 * @param orderIds the accepted orders
	 * @return order id to "records/notifications"
	 */
	Map<String, String> notExactlyOnce(Collection<String> orderIds) {
		Map<String, String> wrong = new HashMap<>();
		for (String orderId : orderIds) {
			if (placedRecordsOf(orderId) != 1 || notificationsFor(orderId) != 1) {
				wrong.put(orderId,
						placedRecordsOf(orderId) + " records/" + notificationsFor(orderId) + " notifications");
			}
		}
		return wrong;
	}

	List<Integer> totals() {
		return List.of(this.placedRecords.size(), this.notificationsByEvent.size());
	}

	@Override
	public void close() {
		this.orders.close();
		this.notifications.close();
	}

}
