package io.eventsuite.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's Dockerfile, read as instructions: pinned base images, the module's own
 * jar split into Spring Boot's layers, a non-root user, the service's port, container
 * memory settings.
 */
class DockerfileTests {

	static final List<String> SERVICES = Repository.SERVICES;

	private static final Pattern PINNED_TAG = Pattern.compile("[\\w.\\-/]+:\\d[\\w.\\-]*");

	@ParameterizedTest
	@FieldSource("SERVICES")
	void baseImagesArePinnedTemurin17WithAJreToRun(String service) {
		List<String> from = instructions(service, "FROM");

		assertThat(from).isNotEmpty().allSatisfy((line) -> {
			String image = line.split("\\s+")[0];
			assertThat(image).as("FROM %s", line).matches(PINNED_TAG).doesNotContain(":latest").doesNotContain("@");
			assertThat(image).startsWith("eclipse-temurin:17.");
		});
		assertThat(from.get(from.size() - 1)).as("the runtime stage").endsWith("-jre");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void buildsAndLayersThisModulesOwnJar(String service) {
		String artifactId = Repository.artifactId(service);
		assertThat(artifactId).isEqualTo(service);

		assertThat(instructions(service, "RUN")).anyMatch(
				(run) -> run.contains("./mvnw") && run.contains("-pl " + service + " ") && run.contains("package"));
		assertThat(instructions(service, "COPY"))
			.contains("--from=build /src/" + service + "/target/" + artifactId + "-*.jar app.jar");
		assertThat(instructions(service, "RUN"))
			.contains("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted");
		// Spring Boot's default layers, from the least to the most often changed.
		List<String> layers = instructions(service, "COPY").stream()
			.filter((copy) -> copy.startsWith("--from=layers"))
			.map((copy) -> copy.replaceAll("^--from=layers /layers/extracted/([\\w-]+)/ \\./$", "$1"))
			.toList();
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
				"application");
		assertThat(instructions(service, "ENTRYPOINT").get(0))
			.contains("\"org.springframework.boot.loader.launch.JarLauncher\"");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void runsAsANonRootUser(String service) {
		List<String> users = instructions(service, "USER");

		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).split(":")[0];
		assertThat(user).isNotIn("root", "0");
		assertThat(Integer.parseInt(user)).as("a numeric uid, so Kubernetes can verify runAsNonRoot").isPositive();
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void exposesTheServicePortAndSizesTheHeapToTheContainer(String service) {
		int port = Repository.serverPort(service);

		assertThat(instructions(service, "EXPOSE")).containsExactly(String.valueOf(port));
		assertThat(instructions(service, "ENV")).contains("PORT=" + port);
		assertThat(instructions(service, "ENTRYPOINT").get(0)).contains("\"-XX:MaxRAMPercentage=75\"");
		assertThat(instructions(service, "HEALTHCHECK").get(0)).contains("/app/readiness-check.sh");
		assertThat(Repository.read(Repository.path("deploy/docker/readiness-check.sh")))
			.contains("GET /actuator/health/readiness ");
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void theBuildScriptBuildsIt(String service) {
		assertThat(Repository.read(Repository.path("build-images.sh")))
			.contains("SERVICES=(order-service notification-service activity-tracker)")
			.contains("--file \"${service}/Dockerfile\"");
		assertThat(Repository.path(service, "Dockerfile")).exists();
	}

	/** The arguments of every instruction of a kind, continuation lines joined. */
	static List<String> instructions(String service, String keyword) {
		String text = Repository.read(Repository.path(service, "Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?m)^" + keyword + "\\s+(.+)$").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1).trim().replaceAll("\\s+", " "));
		}
		return found;
	}

}
