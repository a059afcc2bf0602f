package io.eventsuite.order.api;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import io.eventsuite.test.KafkaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's cap on request threads reaches Tomcat: a misspelt key in the shared
 * defaults would leave Tomcat's 200 without a word.
 */
@KafkaIntegrationTest
class RequestThreadsIntegrationTests {

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void tomcatRunsAtMost64RequestThreads() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();

		assertThat(protocol.getMaxThreads()).isEqualTo(64);
	}

}
