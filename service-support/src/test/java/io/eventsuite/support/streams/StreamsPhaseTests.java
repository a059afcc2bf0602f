package io.eventsuite.support.streams;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsPhaseTests {

	@Test
	void kafkaStreamsStartsAfterTheWebServerAndStopsAfterItsGracefulShutdown() {
		assertThat(StreamsAutoConfiguration.STREAMS_PHASE)
			.as("starts later than the web server, which knows its port then")
			.isGreaterThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE)
			.as("stops later than the graceful shutdown, which lets requests finish")
			.isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
	}

}
