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
 * {@code data:} and {@code id:} of every event. Like a browser's {@code EventSource}
 * reconnecting, it can send the last id it saw as {@code Last-Event-ID}.
 */
public final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private final List<String> ids = new CopyOnWriteArrayList<>();

	private final List<String> comments = new CopyOnWriteArrayList<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private SseClient(URI uri, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAcceptAsync((lines) -> lines.body().forEach(this::line));
	}

	/**
	 * Connects and waits until the server confirmed the subscription with its first
	 * comment.
	 * @param uri the stream
	 * @return the connected client, to be closed
	 */
	public static SseClient connect(URI uri) {
		return connect(uri, null);
	}

	/**
	 * Reconnects, as a browser does, sending the id of the last event it saw, and waits
	 * until the server confirmed the subscription.
	 * @param uri the stream
	 * @param lastEventId the {@code Last-Event-ID}
	 * @return the connected client, to be closed
	 */
	public static SseClient resume(URI uri, String lastEventId) {
		return connect(uri, lastEventId);
	}

	private static SseClient connect(URI uri, String lastEventId) {
		SseClient client = new SseClient(uri, lastEventId);
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

	/**
	 * The ids of the events received so far.
	 * @return each event's {@code id:}, in the order received
	 */
	public List<String> ids() {
		return List.copyOf(this.ids);
	}

	private void line(String line) {
		if (line.startsWith("id:")) {
			this.ids.add(line.substring("id:".length()));
		}
		else if (line.startsWith("data:")) {
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
