package io.eventsuite.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClusterPortsTests {

	@Test
	void freePortsAreAllDifferentAndFree() throws IOException {
		// A three-node cluster takes six: a client and a controller port per node.
		int[] ports = KafkaCluster.freePorts(64);

		assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(64);
		for (int port : ports) {
			try (ServerSocket socket = new ServerSocket(port)) {
				assertThat(socket.getLocalPort()).isEqualTo(port);
			}
		}
	}

}
