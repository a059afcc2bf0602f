package io.eventsuite.support.streams;

import java.net.URI;
import java.util.List;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where one instance asks another for a store's answer: every host Kafka Streams may
 * advertise, every key a client may send.
 */
class StateQueriesUriTests {

	@Test
	void aHostNameOrIpv4AddressIsUsedAsItIs() {
		URI uri = StateQueries.internalUri(new HostInfo("10.1.2.3", 8081), "order-view", "k", List.of());

		assertThat(uri.getHost()).isEqualTo("10.1.2.3");
		assertThat(uri.getPort()).isEqualTo(8081);
		assertThat(uri.getPath()).isEqualTo("/internal/state/order-view");
	}

	@Test
	void anIpv6AddressGoesInBrackets() {
		URI uri = StateQueries.internalUri(new HostInfo("fd00::1", 8081), "order-view", "k", List.of());

		assertThat(uri.getHost()).isEqualTo("[fd00::1]");
		assertThat(uri.getPort()).isEqualTo(8081);
		assertThat(StateQueries.internalUri(new HostInfo("[fd00::1]", 8081), "order-view", "k", List.of()))
			.as("already bracketed")
			.isEqualTo(uri);
	}

	@Test
	void anAdvertisedHostInBracketsIsKnownWithoutThemAsKafkaStreamsReportsIt() {
		assertThat(StreamsStarter.unbracketed("[fd00::1]")).isEqualTo("fd00::1");
		assertThat(StreamsStarter.unbracketed("fd00::1")).isEqualTo("fd00::1");
		assertThat(StreamsStarter.unbracketed("10.1.2.3")).isEqualTo("10.1.2.3");
	}

	@Test
	void anyKeyTravelsUnchangedAndPartitionsAreListed() {
		URI uri = StateQueries.internalUri(new HostInfo("host", 80), "customer-orders", "a/b+c d", List.of(0, 3));

		assertThat(uri.getRawQuery()).isEqualTo("key=a%2Fb%2Bc+d&partitions=0,3");
	}

}
