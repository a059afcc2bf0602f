package io.eventsuite.benchmarks.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One request of a load, encoded once: the load generator writes the same bytes each time
 * it sends it, so a request costs the harness a socket write and nothing to build.
 *
 * @param address where to send it
 * @param wire the whole HTTP/1.1 request: request line, headers and body
 */
public record LoadRequest(InetSocketAddress address, ByteBuffer wire) {

	public LoadRequest {
		wire = wire.asReadOnlyBuffer();
	}

	/**
	 * A {@code POST} with a body.
	 * @param uri where to post it ({@code http} only; port 80 unless it names one)
	 * @param contentType the body's media type
	 * @param body the body
	 * @return the request
	 */
	public static LoadRequest post(URI uri, String contentType, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + target(uri) + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nContent-Type: "
				+ contentType + "\r\nContent-Length: " + content.length + "\r\n\r\n";
		return of(uri, head, content);
	}

	/**
	 * A {@code GET}.
	 * @param uri what to get ({@code http} only; port 80 unless it names one)
	 * @return the request
	 */
	public static LoadRequest get(URI uri) {
		return of(uri, "GET " + target(uri) + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n", new byte[0]);
	}

	/** A view of all the bytes to write, whatever a reader of {@link #wire()} did. */
	ByteBuffer bytes() {
		return this.wire.duplicate().clear();
	}

	private static LoadRequest of(URI uri, String head, byte[] content) {
		if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException("An http URI with a host, not " + uri);
		}
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		ByteBuffer wire = ByteBuffer.allocate(headBytes.length + content.length).put(headBytes).put(content).flip();
		return new LoadRequest(new InetSocketAddress(uri.getHost(), (uri.getPort() < 0) ? 80 : uri.getPort()), wire);
	}

	private static String target(URI uri) {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

}
