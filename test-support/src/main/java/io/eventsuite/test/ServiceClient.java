package io.eventsuite.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP to a service under test, over the loopback interface.
 */
public final class ServiceClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private ServiceClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * A client for a service listening on a local port.
	 * @param port the port
	 * @return the client
	 */
	public static ServiceClient onPort(int port) {
		return new ServiceClient("http://127.0.0.1:" + port);
	}

	/**
	 * POSTs a JSON body.
	 * @param path the path
	 * @param json the body
	 * @param headers extra headers as name, value pairs
	 * @return the response
	 */
	public HttpResponse<String> postJson(String path, String json, String... headers) {
		return post(path, "application/json", json, headers);
	}

	/**
	 * POSTs a JSON body without a {@code Content-Length}, in chunks, as a client that
	 * streams its body does: a server learns its size only by reading it.
	 * @param path the path
	 * @param json the body
	 * @return the response
	 */
	public HttpResponse<String> postJsonChunked(String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
	}

	/**
	 * POSTs a body of any content type.
	 * @param path the path
	 * @param contentType the content type
	 * @param body the body
	 * @param headers extra headers as name, value pairs
	 * @return the response
	 */
	public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/**
	 * GETs a path.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/**
	 * DELETEs a path.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE().build());
	}

	/**
	 * Parses a response body.
	 * @param response a response with a JSON body
	 * @return the JSON tree
	 */
	public static JsonNode json(HttpResponse<String> response) {
		return json(response.body());
	}

	/**
	 * Parses a JSON body.
	 * @param body the body
	 * @return the JSON tree
	 */
	public static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	/**
	 * The URI of a path on this service.
	 * @param path the path
	 * @return the URI
	 */
	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
