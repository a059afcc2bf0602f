package io.eventsuite.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml: valid for Compose itself, and consistent with the code it runs.
 */
class ComposeFileTests {

	static final List<String> SERVICES = Repository.SERVICES;

	private final JsonNode compose = Yaml.read(Repository.path("docker-compose.yml")).get(0);

	@Test
	void composeAcceptsTheFile() {
		List<List<String>> candidates = List.of(List.of("docker-compose"), List.of("docker", "compose"));
		Optional<List<String>> compose = candidates.stream().filter((command) -> {
			List<String> version = new ArrayList<>(command);
			version.add("version");
			return Commands.installed(version);
		}).findFirst();
		Assumptions.assumeTrue(compose.isPresent(),
				"Skipped: neither docker-compose nor the docker compose plugin is installed "
						+ "(apt-get install docker-compose); the file is still checked by the other tests here");
		List<String> config = new ArrayList<>(compose.get());
		config.addAll(List.of("-f", "docker-compose.yml", "config", "-q"));

		Commands.Result result = Commands.run(Repository.ROOT, config).orElseThrow();

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void everyImageIsPinnedAndKafkaMatchesTheClients() {
		this.compose.path("services").properties().forEach((service) -> {
			String image = service.getValue().path("image").asText();
			assertThat(image).as(service.getKey()).contains(":").doesNotEndWith(":latest");
		});
		assertThat(this.compose.at("/services/kafka/image").asText())
			.isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void serviceIsBuiltFromItsDockerfileOnItsPortAndWaitsForAHealthyKafka(String name) {
		JsonNode service = this.compose.path("services").path(name);
		int port = Repository.serverPort(name);

		assertThat(service.at("/build/dockerfile").asText()).isEqualTo("Dockerfile");
		assertThat(Repository.path(service.at("/build/context").asText(), "Dockerfile")).exists();
		assertThat(service.at("/build/args/SERVICE").asText()).isEqualTo(name);
		assertThat(service.at("/build/args/PORT").asText()).isEqualTo(String.valueOf(port));
		assertThat(service.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
		assertThat(service.at("/environment/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
		assertThat(Repository.placeholderVariables(name)).contains("KAFKA_BOOTSTRAP_SERVERS");
		assertThat(service.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
		assertThat(service.at("/depends_on/kafka-init/condition").asText()).isEqualTo("service_completed_successfully");
		assertThat(service.path("mem_limit").asText()).isNotEmpty();
		assertThat(service.at("/healthcheck/test").toString()).contains("/app/readiness-check.sh");
		assertThat(DockerfileTests.instructions("COPY"))
			.contains("--chmod=755 deploy/docker/readiness-check.sh /app/readiness-check.sh");
		assertThat(this.compose.at("/services/prometheus/depends_on/" + name + "/condition").asText())
			.isEqualTo("service_healthy");
	}

	@Test
	void everyContainerHasAMemoryLimit() {
		this.compose.path("services")
			.properties()
			.forEach((service) -> assertThat(service.getValue().path("mem_limit").asText()).as(service.getKey())
				.isNotEmpty());
	}

	@Test
	void topicSetUpCreatesEveryTopicTheCodeDeclares() {
		String script = this.compose.at("/services/kafka-init/command").get(0).asText();
		Matcher matcher = Pattern.compile("for topic in ([\\w\\- ]+); do").matcher(script);

		assertThat(matcher.find()).as(script).isTrue();
		assertThat(new TreeSet<>(Arrays.asList(matcher.group(1).trim().split("\\s+"))))
			.isEqualTo(new TreeSet<>(Repository.declaredTopics()));
		assertThat(this.compose.at("/services/kafka/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
			.isEqualTo("false");
	}

	@Test
	void prometheusScrapesEveryServiceOnItsActuatorEndpoint() {
		JsonNode prometheus = Yaml.read(Repository.path("deploy/prometheus/prometheus.yml")).get(0);
		Set<String> targets = new TreeSet<>();
		for (JsonNode job : prometheus.path("scrape_configs")) {
			assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
			job.at("/static_configs/0/targets").forEach((target) -> targets.add(target.asText()));
		}

		Set<String> expected = new TreeSet<>();
		SERVICES.forEach((service) -> expected.add(service + ":" + Repository.serverPort(service)));
		assertThat(targets).isEqualTo(expected);
		assertThat(Repository.defaults().getProperty("management.endpoints.web.exposure.include"))
			.contains("prometheus");
		assertThat(this.compose.at("/services/prometheus/volumes").get(0).asText())
			.startsWith("./deploy/prometheus/prometheus.yml:");
	}

	@Test
	void grafanaIsProvisionedWithThatPrometheus() {
		JsonNode datasources = Yaml.read(Repository.path("deploy/grafana/provisioning/datasources/prometheus.yml"))
			.get(0);

		assertThat(datasources.at("/datasources/0/type").asText()).isEqualTo("prometheus");
		assertThat(datasources.at("/datasources/0/url").asText()).isEqualTo("http://prometheus:9090");
		assertThat(this.compose.at("/services/grafana/volumes").get(0).asText())
			.startsWith("./deploy/grafana/provisioning:");
	}

}
