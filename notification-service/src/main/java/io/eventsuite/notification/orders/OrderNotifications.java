package io.eventsuite.notification.orders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

import io.eventsuite.events.Lengths;
import io.eventsuite.events.notification.NotificationKind;
import io.eventsuite.events.notification.NotificationSent;
import io.eventsuite.events.order.OrderCancelled;
import io.eventsuite.events.order.OrderEvent;
import io.eventsuite.events.order.OrderPlaced;
import io.eventsuite.events.wire.CloudEvent;

/**
 * What a customer is told about an order event.
 */
final class OrderNotifications {

	/**
	 * {@link UUID#nameUUIDFromBytes} looks its MD5 digest up anew for every id, which was
	 * almost 4% of the drain benchmark's listener thread; a digest is reused once it
	 * finished.
	 */
	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(OrderNotifications::md5);

	/**
	 * The longest body a notification carries, well within the contract's (its user and
	 * source event ids are held to the contract's limits). order-service keeps its fields
	 * far shorter, but any producer may write to {@code orders}: a notification over the
	 * topic's record limit would fail the whole transaction at its commit, and its batch,
	 * read again, would fail the same way for ever.
	 */
	static final int MAX_TEXT = 1_000;

	private OrderNotifications() {
	}

	/**
	 * The notification for an order event. Texts are concatenated rather than formatted:
	 * {@code String.formatted} took 9% of the drain benchmark's listener thread. Its id
	 * is derived from the event's id (a cancellation's from its order's), so a
	 * redelivered event yields the same notification id and downstream readers can
	 * recognise the repeat.
	 * @param event the order event as received
	 * @param now when the notification is sent
	 * @return the notification
	 */
	static NotificationSent of(CloudEvent<? extends OrderEvent> event, Instant now) {
		OrderEvent order = event.data();
		// An order is cancelled once, but two cancels racing on two instances of
		// order-service can both publish: one id per order's cancellation lets the feed
		// and every other reader tell the second notification for a repeat.
		UUID notificationId = (order instanceof OrderCancelled cancelled)
				? nameBased("notification:cancelled:" + cancelled.orderId()) : nameBased("notification:" + event.id());
		// Not retried: the listener dead-letters such an event.
		if (!Lengths.within(order.customerId(), NotificationSent.MAX_USER_ID)) {
			throw new IllegalArgumentException("A customerId of " + order.customerId().length()
					+ " UTF-16 units; a notification's user id has at most " + NotificationSent.MAX_USER_ID
					+ " characters");
		}
		if (!Lengths.within(event.id(), NotificationSent.MAX_SOURCE_EVENT_ID)) {
			throw new IllegalArgumentException("An event id of " + event.id().length()
					+ " UTF-16 units; a notification's source event id has at most "
					+ NotificationSent.MAX_SOURCE_EVENT_ID + " characters");
		}
		if (order instanceof OrderPlaced placed) {
			return new NotificationSent(notificationId, placed.customerId(), NotificationKind.ORDER_PLACED,
					"Order placed",
					shortened("Your order " + placed.orderId() + " of " + placed.items().size() + " item(s) totalling "
							+ placed.total().toPlainString() + " " + placed.currency() + " was placed."),
					event.id(), now);
		}
		OrderCancelled cancelled = (OrderCancelled) order;
		return new NotificationSent(notificationId, cancelled.customerId(), NotificationKind.ORDER_CANCELLED,
				"Order cancelled",
				shortened("Your order " + cancelled.orderId() + " was cancelled: " + cancelled.reason()), event.id(),
				now);
	}

	private static String shortened(String text) {
		if (text.length() <= MAX_TEXT) {
			return text;
		}
		int end = MAX_TEXT - 1;
		// Never half of a character outside the Basic Multilingual Plane.
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	/**
	 * The same id as {@link UUID#nameUUIDFromBytes}: a version 3 UUID of the name's UTF-8
	 * bytes.
	 * @param name the name
	 * @return its id
	 */
	static UUID nameBased(String name) {
		byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
		md5[6] = (byte) ((md5[6] & 0x0f) | 0x30);
		md5[8] = (byte) ((md5[8] & 0x3f) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(md5);
		return new UUID(bits.getLong(), bits.getLong());
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has MD5", ex);
		}
	}

}
