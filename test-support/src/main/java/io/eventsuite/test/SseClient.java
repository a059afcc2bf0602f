package io.eventsuite.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Server-Sent Events client: keeps the connection open and collects the
 * {@code data:} of every event.
 */
public final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private SseClient(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
		this.response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.response.thenAcceptAsync((lines) -> lines.body().forEach(this::line));
	}

	/**
	 * Connects and waits until the server confirmed the subscription with its first
	 * comment.
	 * @param uri the stream
	 * @return the connected client, to be closed
	 */
	public static SseClient connect(URI uri) {
		SseClient client = new SseClient(uri);
		await().atMost(Duration.ofSeconds(10)).until(() -> !client.comments.isEmpty());
		return client;
	}

	/**
	 * Waits for at least {@code count} events.
	 * @param count how many
	 * @return the events received so far
	 */
	public List<JsonNode> awaitEvents(int count) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> List.copyOf(this.events), (e) -> e.size() >= count);
	}

	/**
	 * The events received so far.
	 * @return the {@code data:} of each event, parsed
	 */
	public List<JsonNode> events() {
		return List.copyOf(this.events);
	}

	private void line(String line) {
		if (line.startsWith("data:")) {
			this.events.add(JSON.readTree(line.substring("data:".length())));
		}
		else if (line.startsWith(":")) {
			this.comments.add(line);
		}
	}

	@Override
	public void close() {
		this.response.thenAccept((lines) -> lines.body().close());
		this.response.cancel(true);
	}

}
