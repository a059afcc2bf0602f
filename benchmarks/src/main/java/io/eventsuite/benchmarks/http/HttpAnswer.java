package io.eventsuite.benchmarks.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 answer, read from the bytes a connection received: enough of the protocol
 * for a load generator talking to servers it knows (a status line, headers, a body sized
 * by {@code Content-Length}, chunked, or ended by the server closing the connection).
 *
 * @param status the status code
 * @param body the body, decoded as UTF-8, or empty when the reader did not keep bodies
 * @param close whether the server closes the connection after it
 */
record HttpAnswer(int status, String body, boolean close) {

	private static final int NOT_FOUND = -1;

	/**
	 * Reads one answer from the start of the bytes received so far.
	 * @param received the bytes, from position zero to the buffer's position
	 * @param ended whether the server has closed the connection
	 * @param keepBody whether to decode the body
	 * @return the answer, or {@code null} while it is not complete
	 * @throws IllegalStateException when the bytes are not an HTTP/1.x answer
	 */
	static HttpAnswer read(ByteBuffer received, boolean ended, boolean keepBody) {
		byte[] bytes = received.array();
		int length = received.position();
		int headEnd = indexOf(bytes, 0, length, "\r\n\r\n");
		if (headEnd == NOT_FOUND) {
			return null;
		}
		String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
		if (!head.startsWith("HTTP/1.") || head.length() < 12) {
			throw new IllegalStateException("Not an HTTP/1.x answer: " + firstLine(head));
		}
		int status = Integer.parseInt(head.substring(9, 12));
		long contentLength = NOT_FOUND;
		boolean chunked = false;
		boolean close = head.startsWith("HTTP/1.0");
		for (int line = head.indexOf("\r\n") + 2, end; line > 1 && line < head.length(); line = end + 2) {
			end = head.indexOf("\r\n", line);
			end = (end < 0) ? head.length() : end;
			int colon = head.indexOf(':', line);
			if (colon < 0 || colon > end) {
				continue;
			}
			String name = head.substring(line, colon).trim().toLowerCase(Locale.ROOT);
			String value = head.substring(colon + 1, end).trim().toLowerCase(Locale.ROOT);
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.contains("chunked");
				case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
				default -> {
				}
			}
		}
		int bodyStart = headEnd + 4;
		if (status / 100 == 1) {
			// Only an Expect header or an upgrade asks for one, and the load sends
			// neither.
			throw new IllegalStateException("An informational answer, not expected: " + firstLine(head));
		}
		if (status == 204 || status == 304) {
			return new HttpAnswer(status, "", close);
		}
		if (chunked) {
			return chunked(bytes, bodyStart, length, status, close, keepBody);
		}
		if (contentLength != NOT_FOUND) {
			if (length - bodyStart < contentLength) {
				return null;
			}
			return new HttpAnswer(status, body(bytes, bodyStart, (int) contentLength, keepBody), close);
		}
		// Neither length nor chunks: the body ends when the server closes the connection.
		return ended ? new HttpAnswer(status, body(bytes, bodyStart, length - bodyStart, keepBody), true) : null;
	}

	private static HttpAnswer chunked(byte[] bytes, int start, int length, int status, boolean close,
			boolean keepBody) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = start;
		while (true) {
			int lineEnd = indexOf(bytes, at, length, "\r\n");
			if (lineEnd == NOT_FOUND) {
				return null;
			}
			String sizeField = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
			int extension = sizeField.indexOf(';');
			int size = Integer.parseInt((extension >= 0) ? sizeField.substring(0, extension).trim() : sizeField.trim(),
					16);
			at = lineEnd + 2;
			if (size == 0) {
				// The last chunk, then trailers (none expected) and an empty line.
				int end = (length - at >= 2 && bytes[at] == '\r' && bytes[at + 1] == '\n') ? at
						: indexOf(bytes, at, length, "\r\n\r\n");
				// Decoded once whole: a character may span two chunks.
				return (end == NOT_FOUND) ? null
						: new HttpAnswer(status, keepBody ? body.toString(StandardCharsets.UTF_8) : "", close);
			}
			if (length - at < size + 2) {
				return null;
			}
			if (keepBody) {
				body.write(bytes, at, size);
			}
			at += size + 2;
		}
	}

	private static String body(byte[] bytes, int start, int length, boolean keep) {
		return keep ? new String(bytes, start, length, StandardCharsets.UTF_8) : "";
	}

	private static int indexOf(byte[] bytes, int from, int to, String ascii) {
		outer: for (int i = from; i <= to - ascii.length(); i++) {
			for (int j = 0; j < ascii.length(); j++) {
				if (bytes[i + j] != ascii.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		return NOT_FOUND;
	}

	private static String firstLine(String head) {
		int end = head.indexOf("\r\n");
		return (end >= 0) ? head.substring(0, end) : head;
	}

}
