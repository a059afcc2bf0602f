package io.eventsuite.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The strict reading catches what Kubernetes would reject or silently ignore.
 */
class StrictModelTests {

	@Test
	void readsAValidObject() {
		assertThat(StrictModel.read(Yaml.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: ok}
				spec:
				  replicas: 2
				  template:
				    spec:
				      containers: [{name: app, image: "app:1", ports: [{containerPort: 8081}]}]
				""").get(0)).getMetadata().getName()).isEqualTo("ok");
	}

	@Test
	void rejectsAMisspeltKubernetesField() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictModel.read(Yaml.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: typo}
				spec:
				  template:
				    spec:
				      containers: [{name: app, image: "app:1", readinesProbe: {}}]
				""").get(0))).withMessageContaining("readinesProbe");
	}

	@Test
	void rejectsAMisspeltStrimziField() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictModel.read(Yaml.parse("""
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopic
				metadata: {name: orders}
				spec: {partitions: 6, replica: 3}
				""").get(0))).withMessageContaining("replica");
	}

	@Test
	void rejectsAWrongType() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictModel.read(Yaml.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: wrong}
				spec: {replicas: two}
				""").get(0))).withMessageContaining("Deployment wrong");
	}

	@Test
	void rejectsAnUnknownKind() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictModel.read(Yaml.parse("""
				apiVersion: kafka.strimzi.io/v1beta1
				kind: KafkaTopic
				metadata: {name: old}
				""").get(0))).withMessageContaining("no model class");
	}

}
