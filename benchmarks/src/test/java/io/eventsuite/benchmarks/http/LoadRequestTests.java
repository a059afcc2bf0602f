package io.eventsuite.benchmarks.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadRequestTests {

	@Test
	void aPostIsEncodedOnceWithItsHostLengthAndBody() {
		LoadRequest request = LoadRequest.post(URI.create("http://127.0.0.1:8081/api/orders?dry=1"), "application/json",
				"{\"a\":\"é\"}");

		assertThat(wire(request)).isEqualTo("POST /api/orders?dry=1 HTTP/1.1\r\nHost: 127.0.0.1:8081\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\":\"é\"}");
		assertThat(request.address().getPort()).isEqualTo(8081);
		// Each send reads its own view: the bytes stay whole for the next.
		assertThat(wire(request)).startsWith("POST ");
	}

	@Test
	void withoutAPortTheRequestGoesToPort80() {
		LoadRequest request = LoadRequest.get(URI.create("http://localhost"));

		assertThat(wire(request)).isEqualTo("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(request.address().getPort()).isEqualTo(80);
	}

	@Test
	void onlyPlainHttpCanBeSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadRequest.get(URI.create("https://localhost:8443/")));
	}

	private static String wire(LoadRequest request) {
		var bytes = request.bytes();
		byte[] copy = new byte[bytes.remaining()];
		bytes.get(copy);
		return new String(copy, StandardCharsets.UTF_8);
	}

}
