package io.eventsuite.kafkalocal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that the broker's ports are free before Kafka tries them, so that a second run
 * or another broker is reported in one line instead of a stack trace from deep in the
 * server.
 */
final class Ports {

	private Ports() {
	}

	/**
	 * Whether a server socket can bind the port on the address Kafka will listen on.
	 * @param port the port
	 * @return {@code true} if nothing listens there
	 */
	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("localhost", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * What to tell the user when a port is taken.
	 * @param port the busy port
	 * @param option the command-line option that moves it
	 * @return a one-line message
	 */
	static String inUseMessage(int port, String option) {
		return "Port " + port + " is already in use: stop whatever listens there (lsof -i :" + port + ") or pass "
				+ option;
	}

}
