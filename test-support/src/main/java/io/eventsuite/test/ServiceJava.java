package io.eventsuite.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code java} launcher that runs a service as its container image runs it: a JDK of
 * the Java version of the image's runtime stage (the last {@code FROM eclipse-temurin:N…}
 * of {@code <eventsuite.jars>/Dockerfile}), which may be newer than the JDK that builds
 * and tests the code. Looked for, in this order: the {@code eventsuite.service-java-home}
 * system property; the {@code EVENTSUITE_SERVICE_JAVA_HOME} environment variable; the
 * running JDK, when it is that version; {@code JAVA_HOME}; every JDK under
 * {@code /usr/lib/jvm}. A machine without one fails with what to install, rather than
 * quietly running the services on another JDK than the one they ship with.
 */
public final class ServiceJava {

	private static final Pattern RUNTIME_IMAGE = Pattern.compile("^FROM\\s+eclipse-temurin:(\\d+)[.\\-_]");

	private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)[.\"]", Pattern.MULTILINE);

	private static final Path SYSTEM_JDKS = Path.of("/usr/lib/jvm");

	private static volatile Path home;

	private ServiceJava() {
	}

	/**
	 * The launcher of the image's Java version.
	 * @return its path, for a process command line
	 */
	public static String executable() {
		return tool("java");
	}

	/**
	 * One of the JDK's tools, such as {@code jcmd} for a service's flight recording.
	 * @param name the tool
	 * @return its path, for a process command line
	 */
	public static String tool(String name) {
		Path found = home;
		if (found == null) {
			found = find(version());
			home = found;
		}
		return found.resolve("bin").resolve(name).toString();
	}

	/**
	 * The Java feature version the services' image runs.
	 * @return for example {@code 25}
	 */
	public static int version() {
		return imageFeatureVersion(Path.of(System.getProperty("eventsuite.jars"), "Dockerfile"));
	}

	/**
	 * The Java feature version of a Dockerfile's runtime stage, its last {@code FROM}.
	 * @param dockerfile the Dockerfile
	 * @return for example {@code 25}
	 */
	static int imageFeatureVersion(Path dockerfile) {
		try (Stream<String> lines = Files.lines(dockerfile)) {
			List<String> from = lines.filter((line) -> line.startsWith("FROM")).toList();
			Matcher runtime = RUNTIME_IMAGE.matcher(from.isEmpty() ? "" : from.get(from.size() - 1));
			if (!runtime.find()) {
				throw new IllegalStateException("No eclipse-temurin runtime stage in " + dockerfile);
			}
			return Integer.parseInt(runtime.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path find(int version) {
		List<Path> candidates = new ArrayList<>();
		Optional.ofNullable(System.getProperty("eventsuite.service-java-home"))
			.map(Path::of)
			.ifPresent(candidates::add);
		Optional.ofNullable(System.getenv("EVENTSUITE_SERVICE_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
		candidates.add(Path.of(System.getProperty("java.home")));
		Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
		candidates.addAll(systemJdks());
		return candidates.stream()
			.filter((candidate) -> featureVersion(candidate).filter((found) -> found == version).isPresent())
			.filter((candidate) -> Files.isExecutable(candidate.resolve("bin").resolve("java")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"The services' image runs Java " + version + ", and no JDK " + version + " was found (looked at "
							+ candidates + "): install one, or name its home in EVENTSUITE_SERVICE_JAVA_HOME"));
	}

	/**
	 * The feature version a JDK's {@code release} file names.
	 * @param home the JDK's home
	 * @return the version, or empty when the directory holds no JDK
	 */
	static Optional<Integer> featureVersion(Path home) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release)) {
			return Optional.empty();
		}
		try {
			Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
			return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static List<Path> systemJdks() {
		if (!Files.isDirectory(SYSTEM_JDKS)) {
			return List.of();
		}
		List<Path> jdks = new ArrayList<>();
		try (DirectoryStream<Path> homes = Files.newDirectoryStream(SYSTEM_JDKS)) {
			homes.forEach(jdks::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		jdks.sort(null);
		return jdks;
	}

}
