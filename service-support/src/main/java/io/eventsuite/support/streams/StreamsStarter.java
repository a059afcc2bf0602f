package io.eventsuite.support.streams;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the Kafka Streams application once the HTTP server listens, so that it can
 * advertise the real port as {@code application.server} (a random one in tests, the
 * configured one elsewhere) and another instance that is sent here finds an answer.
 */
public class StreamsStarter implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(StreamsStarter.class);

	private final StreamsBuilderFactoryBean streams;

	private final StateQueries queries;

	private final String advertisedHost;

	public StreamsStarter(StreamsBuilderFactoryBean streams, StateQueries queries, String advertisedHost) {
		this.streams = streams;
		this.queries = queries;
		this.advertisedHost = advertisedHost;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// A separate management server is not where queries are answered.
		if (event.getApplicationContext().getServerNamespace() != null || this.streams.isRunning()) {
			return;
		}
		HostInfo self = new HostInfo(this.advertisedHost, event.getWebServer().getPort());
		Properties configuration = this.streams.getStreamsConfiguration();
		configuration.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
		this.streams.setStreamsConfiguration(configuration);
		this.queries.advertisedAs(self);
		log.info("Starting Kafka Streams application {} as {}", configuration.get(StreamsConfig.APPLICATION_ID_CONFIG),
				self);
		this.streams.start();
	}

}
