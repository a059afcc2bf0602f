package io.eventsuite.support.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The settings every service starts from, as {@code eventsuite-defaults.properties} holds
 * them, for tests that check what a default reaches.
 */
final class SharedDefaults {

	private SharedDefaults() {
	}

	static Properties read() {
		Properties defaults = new Properties();
		try (InputStream in = SharedDefaults.class.getResourceAsStream("/eventsuite-defaults.properties")) {
			defaults.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return defaults;
	}

}
