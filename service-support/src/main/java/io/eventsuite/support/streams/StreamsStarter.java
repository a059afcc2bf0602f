package io.eventsuite.support.streams;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the Kafka Streams application after the HTTP server listens, so that it can
 * advertise the real port as {@code application.server} (a random one in tests, the
 * configured one elsewhere) and another instance that is sent here finds an answer; and
 * stops it after the web server's graceful shutdown, so requests in flight still find
 * their state. Being a lifecycle bean itself, it also restarts the application whenever
 * the context restarts its lifecycle (a paused test context, for example), which the
 * application's own factory bean, not started automatically, would not.
 */
class StreamsStarter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamsStarter.class);

	private final StreamsBuilderFactoryBean streams;

	private final StateQueries queries;

	private final ReadYourWrites readYourWrites;

	private final ApplicationContext context;

	private final String advertisedHost;

	private final boolean autoStartup;

	/**
	 * Creates the starter.
	 * @param streams the application
	 * @param queries told where this instance answers
	 * @param readYourWrites released when the application stops
	 * @param context the context, whose web server's port is advertised
	 * @param advertisedHost the host part of {@code application.server}
	 * @param autoStartup {@code spring.kafka.streams.auto-startup}: {@code false} leaves
	 * starting the application to the code
	 */
	StreamsStarter(StreamsBuilderFactoryBean streams, StateQueries queries, ReadYourWrites readYourWrites,
			ApplicationContext context, String advertisedHost, boolean autoStartup) {
		this.streams = streams;
		this.queries = queries;
		this.readYourWrites = readYourWrites;
		this.context = context;
		this.advertisedHost = advertisedHost;
		this.autoStartup = autoStartup;
	}

	@Override
	public void start() {
		Properties configuration = this.streams.getStreamsConfiguration();
		WebServer webServer = (this.context instanceof WebServerApplicationContext web) ? web.getWebServer() : null;
		if (webServer != null) {
			HostInfo self = new HostInfo(unbracketed(this.advertisedHost), webServer.getPort());
			configuration.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
			this.streams.setStreamsConfiguration(configuration);
			this.queries.advertisedAs(self);
		}
		log.info("Starting Kafka Streams application {} as {}", configuration.get(StreamsConfig.APPLICATION_ID_CONFIG),
				configuration.get(StreamsConfig.APPLICATION_SERVER_CONFIG));
		this.streams.start();
	}

	@Override
	public void stop() {
		this.streams.stop();
		this.readYourWrites.close();
	}

	@Override
	public boolean isRunning() {
		return this.streams.isRunning();
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	// After the web server has started (its port is known), before its graceful shutdown
	// ends: see StreamsAutoConfiguration.STREAMS_PHASE.
	@Override
	public int getPhase() {
		return StreamsAutoConfiguration.STREAMS_PHASE;
	}

	/**
	 * The host as Kafka Streams reports it back in its metadata, where an IPv6 address
	 * has no brackets: with them, this instance would not know itself and would forward
	 * its own reads.
	 * @param host the advertised host
	 * @return it without brackets
	 */
	static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
