package io.eventsuite.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceJavaTests {

	@TempDir
	Path directory;

	@Test
	void theImagesVersionIsTheRuntimeStagesNotTheBuildStages() throws IOException {
		Path dockerfile = Files.writeString(this.directory.resolve("Dockerfile"), """
				FROM eclipse-temurin:17.0.15_6-jdk AS build
				RUN ./mvnw package
				FROM eclipse-temurin:25.0.3_9-jre
				ENTRYPOINT ["java", "-jar", "app.jar"]
				""");

		assertThat(ServiceJava.imageFeatureVersion(dockerfile)).isEqualTo(25);
	}

	@Test
	void aDockerfileWithoutATemurinRuntimeIsRefused() throws IOException {
		Path dockerfile = Files.writeString(this.directory.resolve("Dockerfile"), "FROM alpine:3.20\n");

		assertThatIllegalStateException().isThrownBy(() -> ServiceJava.imageFeatureVersion(dockerfile))
			.withMessageContaining("No eclipse-temurin runtime stage");
	}

	@Test
	void aJdkIsKnownByTheVersionItsReleaseFileNames() throws IOException {
		Path jdk25 = Files.createDirectories(this.directory.resolve("jdk-25"));
		Files.writeString(jdk25.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
		Path jdk17 = Files.createDirectories(this.directory.resolve("jdk-17"));
		Files.writeString(jdk17.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");

		assertThat(ServiceJava.featureVersion(jdk25)).contains(25);
		assertThat(ServiceJava.featureVersion(jdk17)).contains(17);
		assertThat(ServiceJava.featureVersion(this.directory)).isEmpty();
	}

	@Test
	void theRunningJdkServesWhenItIsTheImagesVersion() {
		assertThat(ServiceJava.find(Runtime.version().feature())).isEqualTo(Path.of(System.getProperty("java.home")));
	}

	@Test
	void aVersionNoJdkHereHasFailsWithWhatToInstall() {
		assertThatIllegalStateException().isThrownBy(() -> ServiceJava.find(99))
			.withMessageContaining("no JDK 99 was found")
			.withMessageContaining("EVENTSUITE_SERVICE_JAVA_HOME");
	}

	// The system tests and the benchmarks run the services on the image's version: this
	// machine must have it.
	@Test
	void thisMachineHasAJdkOfTheVersionTheServicesImageRuns() {
		int version = ServiceJava.imageFeatureVersion(Path.of("..", "Dockerfile"));

		assertThat(ServiceJava.featureVersion(ServiceJava.find(version))).contains(version);
	}

}
