package io.eventsuite.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.stream.IntStream;

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

	@Test
	void portsTakenOneAfterTheOtherAreNeverTheSame() {
		// As services and brokers started one after the other take them, each binding its
		// port only later. Linux picks a free port at random, and since 4.6 an odd one
		// first: among 500 draws from the 14,116 odd ports of its ephemeral range, about
		// nine pairs would be the same port.
		int[] ports = IntStream.range(0, 500).map((i) -> KafkaCluster.freePort()).toArray();

		assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(500);
	}

}
