package io.eventsuite.benchmarks.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HttpAnswerTests {

	@Test
	void aBodySizedByContentLengthIsCompleteOnlyWithItsLastByte() {
		String answer = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\ncontent-length: 15\r\n\r\n"
				+ "{\"orderId\":\"x\"}";

		assertThat(read(answer.substring(0, answer.length() - 1), false)).isNull();
		assertThat(read(answer, false)).isEqualTo(new HttpAnswer(202, "{\"orderId\":\"x\"}", false));
	}

	@Test
	void aChunkedBodyIsJoinedOnceTheLastChunkArrived() {
		String answer = "HTTP/1.1 202 \r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3;ext=1\r\n1}\n\r\n0\r\n\r\n";

		assertThat(read(answer.substring(0, answer.length() - 2), false)).isNull();
		assertThat(read(answer.substring(0, answer.indexOf("0\r\n")), false)).isNull();
		assertThat(read(answer, false)).isEqualTo(new HttpAnswer(202, "{\"a\":1}\n", false));
	}

	@Test
	void aCharacterSplitAcrossTwoChunksIsDecodedWhole() {
		byte[] e = "é".getBytes(StandardCharsets.UTF_8);
		ByteBuffer received = received("HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n1\r\n").put(e[0])
			.put("\r\n1\r\n".getBytes(StandardCharsets.US_ASCII))
			.put(e[1])
			.put("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

		assertThat(HttpAnswer.read(received, false, true)).isEqualTo(new HttpAnswer(200, "é", false));
	}

	@Test
	void anInformationalAnswerIsRefusedAsNothingAskedForOne() {
		assertThatIllegalStateException().isThrownBy(() -> read("HTTP/1.1 100 Continue\r\n\r\n", false))
			.withMessageContaining("100 Continue");
	}

	@Test
	void aBodyWithoutLengthEndsWhenTheServerClosesTheConnection() {
		String answer = "HTTP/1.1 200 OK\r\n\r\nall of it";

		assertThat(read(answer, false)).isNull();
		assertThat(read(answer, true)).isEqualTo(new HttpAnswer(200, "all of it", true));
	}

	@Test
	void answersWithoutABodyNeedNoLength() {
		assertThat(read("HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n", false)).isEqualTo(new HttpAnswer(204, "", false));
	}

	@Test
	void saysWhenTheServerClosesTheConnectionAfterTheAnswer() {
		assertThat(read("HTTP/1.1 503 \r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false))
			.isEqualTo(new HttpAnswer(503, "", true));
		assertThat(read("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false)).extracting(HttpAnswer::close)
			.isEqualTo(true);
		assertThat(read("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", false))
			.extracting(HttpAnswer::close)
			.isEqualTo(false);
	}

	@Test
	void decodesBodiesOnlyWhenAsked() {
		ByteBuffer received = received("HTTP/1.1 202 \r\nContent-Length: 2\r\n\r\n{}");

		assertThat(HttpAnswer.read(received, false, false)).isEqualTo(new HttpAnswer(202, "", false));
	}

	@Test
	void bytesThatAreNotAnAnswerAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> read("SSH-2.0-OpenSSH_9.6\r\n\r\n", false))
			.withMessageContaining("SSH-2.0");
	}

	private static HttpAnswer read(String bytes, boolean ended) {
		return HttpAnswer.read(received(bytes), ended, true);
	}

	// As a connection holds them: written from position zero, the position after the
	// last.
	private static ByteBuffer received(String bytes) {
		return ByteBuffer.allocate(4096).put(bytes.getBytes(StandardCharsets.UTF_8));
	}

}
