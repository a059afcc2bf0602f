package io.eventsuite.order.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.eventsuite.events.order.OrderLine;

/**
 * What an order placed under an idempotency key asked for, in 128 bits: the first half of
 * a SHA-256 of its fields. A retry under the same key must ask for the same order, so the
 * instance remembers this for each of its last keys, instead of the order itself: an
 * order of 100 lines held about 11 KB of heap, and 100,000 keys of such orders would not
 * have fit in any heap a 512 MB container gives. Two orders have the same fingerprint
 * exactly when they are equal as records (a price at another scale is another order), but
 * for a collision of SHA-256's first 128 bits.
 *
 * @param high the digest's first 64 bits
 * @param low its next 64 bits
 */
record RequestFingerprint(long high, long low) {

	static RequestFingerprint of(PlaceOrder order) {
		ByteArrayOutputStream encoded = new ByteArrayOutputStream(64 + 48 * order.items().size());
		// Every text length-prefixed (writeUTF), so that no two orders share an encoding.
		try (DataOutputStream out = new DataOutputStream(encoded)) {
			out.writeUTF(order.customerId());
			out.writeUTF(order.currency());
			out.writeInt(order.items().size());
			for (OrderLine line : order.items()) {
				out.writeUTF(line.sku());
				out.writeInt(line.quantity());
				out.writeUTF(line.unitPrice().toString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ByteBuffer digest = ByteBuffer.wrap(sha256().digest(encoded.toByteArray()));
		return new RequestFingerprint(digest.getLong(), digest.getLong());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
