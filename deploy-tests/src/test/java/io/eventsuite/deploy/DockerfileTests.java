package io.eventsuite.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile of the services, read as instructions: pinned base images, the
 * module named by the {@code SERVICE} build argument split into Spring Boot's layers, a
 * non-root user, the {@code PORT} build argument exposed, container memory settings; and,
 * per service, the arguments the build script passes matching the module.
 */
class DockerfileTests {

	static final List<String> SERVICES = Repository.SERVICES;

	private static final Pattern PINNED_TAG = Pattern.compile("[\\w.\\-/]+:\\d[\\w.\\-]*");

	// Built by the project's JDK (17, the release the code is compiled for), run on
	// Java 25 for its AOT cache and compact object headers. The system tests and the
	// benchmarks run the services on the runtime stage's version (ServiceJava in
	// test-support).
	@Test
	void baseImagesArePinnedTemurinBuildingOn17AndRunningAJre25() {
		List<String> from = instructions("FROM");

		assertThat(from).isNotEmpty().allSatisfy((line) -> {
			String image = line.split("\\s+")[0];
			assertThat(image).as("FROM %s", line).matches(PINNED_TAG).doesNotContain(":latest").doesNotContain("@");
			assertThat(image).startsWith("eclipse-temurin:");
		});
		assertThat(from.get(0)).as("the build stage").startsWith("eclipse-temurin:17.");
		assertThat(from.get(from.size() - 1)).as("the runtime stage")
			.startsWith("eclipse-temurin:25.")
			.endsWith("-jre");
	}

	@Test
	void buildsAndLayersTheJarOfTheModuleNamedBySERVICE() {
		assertThat(instructions("RUN"))
			.anyMatch((run) -> run.contains("./mvnw") && run.contains("-pl ${SERVICE} ") && run.contains("package"));
		assertThat(instructions("COPY")).contains("--from=build /src/${SERVICE}/target/${SERVICE}-*.jar app.jar");
		assertThat(instructions("RUN"))
			.contains("java -Djarmode=tools -jar app.jar extract --layers --destination extracted");
		// Spring Boot's default layers, from the least to the most often changed, with
		// the native libraries unpacked from the dependencies after them.
		List<String> layers = instructions("COPY").stream()
			.filter((copy) -> copy.startsWith("--from=layers"))
			.map((copy) -> copy.replaceAll("^--from=layers /layers/extracted/([\\w-]+)/ \\./$", "$1"))
			.toList();
		assertThat(layers).containsExactly("dependencies", "snapshot-dependencies",
				"--from=layers /layers/native/ ./native/", "application");
		// Extracted without the launcher: a plain jar with its libraries beside it,
		// started as one.
		assertThat(instructions("ENTRYPOINT").get(0)).endsWith("\"-jar\", \"app.jar\"]");
		// Each stage that uses a build argument declares it, or it is empty there.
		assertThat(instructions("ARG")).containsExactly("SERVICE", "PORT", "SERVICE", "SERVICE", "PORT");
	}

	// The cache itself is made and checked with -XX:AOTMode=on by the start-up
	// benchmark's smoke run (StartupBenchmarkIntegrationTests), which runs the same
	// script with the same options.
	@Test
	void recordsAnAotCacheWithTheEntrypointsOptionsAndStartsWithIt() {
		List<String> entrypointOptions = jvmOptions(instructions("ENTRYPOINT").get(0));
		assertThat(entrypointOptions).contains("-XX:AOTCache=app.aot");
		// A cache recorded with other options than those it runs with (compact object
		// headers, native access) is stale: the JVM would start without it.
		List<String> cacheShapingOptions = entrypointOptions.stream()
			.filter((option) -> !option.startsWith("-XX:AOTCache="))
			.toList();
		assertThat(instructions("RUN")).contains("/tmp/record-aot-cache.sh " + String.join(" ", cacheShapingOptions)
				+ " && rm /tmp/record-aot-cache.sh");
		assertThat(Repository.read(Repository.path("deploy/docker/record-aot-cache.sh"))).contains("java \"$@\" ")
			.contains("-XX:AOTCacheOutput=app.aot")
			.contains("-Dspring.context.exit=onRefresh")
			.contains("-jar app.jar");
	}

	// The script itself runs in the start-up benchmark's smoke run, which checks that
	// RocksDB's library was loaded from native/ (ShippedService).
	@Test
	void unpacksRocksDbsNativeLibraryOnceAndLoadsItFromThere() {
		assertThat(instructions("RUN")).contains("/tmp/extract-native-libraries.sh extracted/dependencies/lib native");
		assertThat(jvmOptions(instructions("ENTRYPOINT").get(0))).contains("-Djava.library.path=native");
		assertThat(Repository.read(Repository.path("deploy/docker/extract-native-libraries.sh")))
			.contains("librocksdbjni-${platform}.so");
	}

	private static List<String> jvmOptions(String execForm) {
		List<String> words = Pattern.compile("\"([^\"]*)\"")
			.matcher(execForm)
			.results()
			.map((word) -> word.group(1))
			.toList();
		return words.subList(words.indexOf("java") + 1, words.indexOf("-jar"));
	}

	@Test
	void runsAsANonRootUser() {
		List<String> users = instructions("USER");

		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).split(":")[0];
		assertThat(user).isNotIn("root", "0");
		assertThat(Integer.parseInt(user)).as("a numeric uid, so Kubernetes can verify runAsNonRoot").isPositive();
	}

	@Test
	void exposesPORTAndSizesTheHeapToTheContainer() {
		assertThat(instructions("EXPOSE")).containsExactly("${PORT}");
		assertThat(instructions("ENV")).contains("PORT=${PORT}");
		assertThat(instructions("ENTRYPOINT").get(0)).contains("\"-XX:MaxRAMPercentage=50\"")
			.as("the heap starts at a quarter of the limit, not the JVM's 1/64")
			.contains("\"-XX:InitialRAMPercentage=25\"");
		assertThat(instructions("HEALTHCHECK").get(0)).contains("/app/readiness-check.sh");
		assertThat(Repository.read(Repository.path("deploy/docker/readiness-check.sh")))
			.contains("GET /actuator/health/readiness ");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void theBuildScriptBuildsEachServiceWithItsModuleAndPort(String service) {
		assertThat(Repository.artifactId(service)).as("the jar the Dockerfile copies").isEqualTo(service);
		assertThat(Repository.read(Repository.path("build-images.sh")))
			.contains(service + ":" + Repository.serverPort(service))
			.contains("--file Dockerfile --build-arg \"SERVICE=${service}\" --build-arg \"PORT=${port}\"");
	}

	/** The arguments of every instruction of a kind, continuation lines joined. */
	static List<String> instructions(String keyword) {
		String text = Repository.read(Repository.path("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?m)^" + keyword + "\\s+(.+)$").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1).trim().replaceAll("\\s+", " "));
		}
		return found;
	}

}
