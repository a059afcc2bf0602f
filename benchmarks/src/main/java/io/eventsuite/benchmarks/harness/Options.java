package io.eventsuite.benchmarks.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options as {@code --name=value} (or {@code --name value}) pairs, read with
 * a default for each.
 */
public final class Options {

	private final Map<String, String> values;

	private Options(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Reads the options.
	 * @param args the arguments
	 * @param known the option names a benchmark understands
	 * @return the options
	 * @throws IllegalArgumentException on an unknown option or a missing value
	 */
	public static Options parse(String[] args, Set<String> known) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new IllegalArgumentException("Missing value for --" + name);
			}
			if (!known.contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name + "; known: " + known);
			}
			values.put(name, value);
		}
		return new Options(values);
	}

	/**
	 * Options from a map, for tests and callers in code.
	 * @param values option names to values
	 * @return the options
	 */
	public static Options of(Map<String, String> values) {
		return new Options(new LinkedHashMap<>(values));
	}

	/**
	 * A value that must be given.
	 * @param name the option
	 * @return its value
	 * @throws IllegalArgumentException if it is missing
	 */
	public String required(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name);
		}
		return value;
	}

	public String string(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	public int intValue(String name, int fallback) {
		String value = this.values.get(name);
		return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
	}

	public double doubleValue(String name, double fallback) {
		String value = this.values.get(name);
		return (value != null) ? Double.parseDouble(value) : fallback;
	}

	/**
	 * A duration in seconds, fractions allowed.
	 * @param name the option
	 * @param fallback the default
	 * @return the duration
	 */
	public Duration seconds(String name, Duration fallback) {
		String value = this.values.get(name);
		return (value != null) ? Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)) : fallback;
	}

	public Path path(String name, Path fallback) {
		String value = this.values.get(name);
		return (value != null) ? Path.of(value) : fallback;
	}

}
