package io.eventsuite.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both overlays of {@code k8s/}, rendered with kustomize, read strictly into the
 * Kubernetes and Strimzi model classes, and checked against the code: ports, probe paths,
 * environment variables, shutdown timing and topics.
 */
class KubernetesManifestsTests {

	static final List<String> OVERLAYS = List.of("dev", "prod");

	private static final int PARTITIONS = 6;

	private static final SpringProperties SPRING = SpringProperties.load();

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyObjectIsValidAgainstItsModel(String overlay) {
		// render() reads each object strictly and fails on the first invalid one.
		assertThat(Kustomize.render(overlay)).isNotEmpty()
			.allSatisfy((object) -> assertThat(object.getMetadata().getNamespace())
				.as(object.getKind() + " " + object.getMetadata().getName())
				.isIn("eventsuite", null));
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void containersListenOnTheServicePortAndProbeTheActuatorHealthGroups(String overlay) {
		assertThat(Repository.defaults()).containsEntry("management.endpoint.health.probes.enabled", "true")
			.doesNotContainKey("management.endpoints.web.base-path")
			.doesNotContainKey("management.server.port");
		assertThat(Repository.defaults().getProperty("management.endpoint.health.group.readiness.include"))
			.contains("kafka");
		for (String service : Repository.SERVICES) {
			int port = Repository.serverPort(service);
			Container container = container(overlay, service);

			assertThat(container.getPorts()).singleElement().satisfies((p) -> {
				assertThat(p.getContainerPort()).isEqualTo(port);
				assertThat(p.getName()).isEqualTo("http");
			});
			assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");

			Service k8sService = one(overlay, Service.class, service);
			assertThat(k8sService.getSpec().getPorts()).singleElement().satisfies((p) -> {
				assertThat(p.getPort()).isEqualTo(port);
				assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
			});
			assertThat(k8sService.getSpec().getSelector())
				.isEqualTo(deployment(overlay, service).getSpec().getSelector().getMatchLabels());
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyEnvironmentVariableSetsARealProperty(String overlay) {
		assertThat(SPRING.size()).as("Spring Boot properties found in configuration metadata").isGreaterThan(300);
		for (String service : Repository.SERVICES) {
			Container container = container(overlay, service);
			Set<String> variables = new TreeSet<>();
			container.getEnv().forEach((env) -> variables.add(env.getName()));
			for (EnvFromSource source : container.getEnvFrom()) {
				ConfigMap config = one(overlay, ConfigMap.class, source.getConfigMapRef().getName());
				variables.addAll(config.getData().keySet());
			}
			Set<String> placeholders = Repository.placeholderVariables(service);

			assertThat(variables).as(service)
				.isNotEmpty()
				.allSatisfy((variable) -> assertThat(placeholders.contains(variable) || SPRING.binds(variable))
					.as("%s: %s is neither a ${%s} placeholder of its configuration nor a property", service, variable,
							variable)
					.isTrue());
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void podsAreLockedDown(String overlay) {
		for (String service : Repository.SERVICES) {
			PodSpec pod = deployment(overlay, service).getSpec().getTemplate().getSpec();
			Container container = container(overlay, service);

			assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(pod.getSecurityContext().getRunAsUser())
				.isEqualTo(Long.parseLong(DockerfileTests.instructions("USER").get(0).split(":")[0]));
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
			assertThat(container.getVolumeMounts()).anySatisfy((mount) -> {
				assertThat(mount.getMountPath()).isEqualTo("/tmp");
				assertThat(pod.getVolumes()).anySatisfy((volume) -> {
					assertThat(volume.getName()).isEqualTo(mount.getName());
					assertThat(volume.getEmptyDir()).isNotNull();
				});
			});
			assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits().get("memory"))
				.isEqualTo(container.getResources().getRequests().get("memory"));
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void terminationGraceOutlastsPreStopAndGracefulShutdown(String overlay) {
		Duration shutdownPhase = Duration.ofSeconds(Long.parseLong(
				Repository.defaults().getProperty("spring.lifecycle.timeout-per-shutdown-phase").replace("s", "")));
		for (String service : Repository.SERVICES) {
			PodSpec pod = deployment(overlay, service).getSpec().getTemplate().getSpec();
			List<String> preStop = container(overlay, service).getLifecycle().getPreStop().getExec().getCommand();
			assertThat(preStop).hasSize(2).startsWith("sleep");
			long preStopSeconds = Long.parseLong(preStop.get(1));

			assertThat(pod.getTerminationGracePeriodSeconds()).as(service)
				.isGreaterThan(preStopSeconds + shutdownPhase.toSeconds());
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void noDeploymentAsksForStaticMembership(String overlay) {
		assertThat(Repository.eventsuiteProperties()).contains("eventsuite.kafka.instance-id");
		for (String service : Repository.SERVICES) {
			List<EnvVar> env = container(overlay, service).getEnv();

			// A new pod of a Deployment has a new name: the broker would hold the old
			// static member's partitions for the session timeout at every rollout.
			assertThat(env).noneMatch((variable) -> variable.getName().equals("EVENTSUITE_KAFKA_INSTANCE_ID"));
			// One group.instance.id for every consumer of a pod would fence its own
			// listeners and break the readers that have no group.
			assertThat(env).noneMatch((variable) -> variable.getName().endsWith("GROUP_INSTANCE_ID"));
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void streamsServicesAdvertiseThePodIpKeepStateOnAVolumeAndMayAskEachOther(String overlay) {
		assertThat(Repository.streamsServices()).contains("order-service", "activity-tracker");
		for (String service : Repository.streamsServices()) {
			Container container = container(overlay, service);
			Map<String, EnvVar> env = container.getEnv()
				.stream()
				.collect(Collectors.toMap(EnvVar::getName, (variable) -> variable));
			assertThat(env.get("EVENTSUITE_STREAMS_ADVERTISED_HOST").getValueFrom().getFieldRef().getFieldPath())
				.as(service)
				.isEqualTo("status.podIP");
			String stateDir = env.get("SPRING_KAFKA_STREAMS_STATE_DIR").getValue();
			assertThat(container.getVolumeMounts()).as(service)
				.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo(stateDir));

			NetworkPolicy policy = one(overlay, NetworkPolicy.class, service);
			assertThat(policy.getSpec().getEgress()).as("%s may reach its own pods for interactive queries", service)
				.anySatisfy((rule) -> {
					assertThat(rule.getTo()).anySatisfy((peer) -> assertThat(peer.getPodSelector().getMatchLabels())
						.containsEntry("app.kubernetes.io/name", service));
					assertThat(rule.getPorts()).anySatisfy(
							(p) -> assertThat(p.getPort().getIntVal()).isEqualTo(Repository.serverPort(service)));
				});
		}
	}

	@Test
	void prodStreamsUsersOwnTheirApplicationIdPrefix() {
		for (String service : Repository.streamsServices()) {
			List<AclRule> acls = ((KafkaUserAuthorizationSimple) one("prod", KafkaUser.class, service).getSpec()
				.getAuthorization()).getAcls();
			assertThat(acls).as("%s: internal topics", service)
				.anySatisfy((acl) -> assertAcl(acl, AclResourcePatternType.PREFIX, service + "-",
						AclRuleTopicResource.class, AclOperation.ALL));
			assertThat(acls).as("%s: transactional ids", service)
				.anySatisfy((acl) -> assertAcl(acl, AclResourcePatternType.PREFIX, service + "-",
						AclRuleTransactionalIdResource.class, AclOperation.WRITE));
			assertThat(acls).as("%s: consumer group", service)
				.anySatisfy((acl) -> assertAcl(acl, AclResourcePatternType.LITERAL, service, AclRuleGroupResource.class,
						AclOperation.READ));
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyServiceHasADisruptionBudgetAnAutoscalerAndANetworkPolicy(String overlay) {
		for (String service : Repository.SERVICES) {
			Deployment deployment = deployment(overlay, service);
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

			PodDisruptionBudget pdb = one(overlay, PodDisruptionBudget.class, service);
			assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

			HorizontalPodAutoscaler hpa = one(overlay, HorizontalPodAutoscaler.class, service);
			assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
			assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
			assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(deployment.getSpec().getReplicas());
			assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());

			NetworkPolicy policy = one(overlay, NetworkPolicy.class, service);
			assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
			assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(policy.getSpec().getIngress()).flatMap((rule) -> rule.getPorts())
				.anySatisfy((p) -> assertThat(p.getPort().getIntVal()).isEqualTo(Repository.serverPort(service)));
			assertThat(policy.getSpec().getEgress()).flatMap((rule) -> rule.getPorts())
				.anySatisfy((p) -> assertThat(p.getPort().getIntVal()).isEqualTo(kafkaPort(overlay)));
		}
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void theConsumerGroupRunsAtLeastTwoMembersAndNoMoreThanThePartitions(String overlay) {
		Deployment consumers = deployment(overlay, "notification-service");
		HorizontalPodAutoscaler hpa = one(overlay, HorizontalPodAutoscaler.class, "notification-service");

		assertThat(consumers.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
		assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
		assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(PARTITIONS);
		assertThat(Yaml.read(Repository.path("notification-service/src/main/resources/application.yml"))
			.get(0)
			.at("/eventsuite/topics/notifications/partitions")
			.asInt()).isEqualTo(PARTITIONS);
	}

	@Test
	void devRunsOneApacheKafkaBrokerInKraftModeWhereTheServicesLookForIt() {
		StatefulSet kafka = one("dev", StatefulSet.class, "kafka");
		Container broker = kafka.getSpec().getTemplate().getSpec().getContainers().get(0);
		Map<String, String> env = broker.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));

		assertThat(kafka.getSpec().getReplicas()).isEqualTo(1);
		assertThat(broker.getImage()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
		assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
		assertThat(one("dev", Service.class, "kafka").getSpec().getPorts().get(0).getPort()).isEqualTo(9092);
		for (String service : Repository.SERVICES) {
			assertThat(config("dev", service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		}
	}

	@Test
	void prodRunsThreeStrimziKraftNodesWithSafeReplication() {
		Kafka kafka = single("prod", Kafka.class);
		KafkaNodePool pool = single("prod", KafkaNodePool.class);

		assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
		assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
		assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
		assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2)
			.containsEntry("default.replication.factor", 3)
			.containsEntry("auto.create.topics.enable", false);
		GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
		assertThat(listener.isTls()).isTrue();
		String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort();
		for (String service : Repository.SERVICES) {
			assertThat(config("prod", service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
				.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
				.containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
		}
	}

	@Test
	void prodHasAKafkaTopicForEveryTopicTheCodeDeclares() {
		List<KafkaTopic> topics = all("prod", KafkaTopic.class).toList();
		String cluster = single("prod", Kafka.class).getMetadata().getName();

		assertThat(topics.stream().map((topic) -> topic.getMetadata().getName()).collect(Collectors.toSet()))
			.isEqualTo(Repository.declaredTopics());
		assertThat(topics).allSatisfy((topic) -> {
			assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
			assertThat(topic.getSpec().getTopicName()).isNull();
			assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
			assertThat(topic.getSpec().getPartitions()).isEqualTo(PARTITIONS);
			assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
		});
		// Strimzi owns these topics and the services do not change a topic that exists:
		// without the limit the code declares, a dead letter over the broker's 1 MB would
		// fail its writer, and the transactional orders listener would read its batch
		// again for ever.
		assertThat(topics).filteredOn((topic) -> topic.getMetadata().getName().endsWith(Repository.DEAD_LETTER_SUFFIX))
			.hasSize((int) Repository.declaredTopics()
				.stream()
				.filter((name) -> name.endsWith(Repository.DEAD_LETTER_SUFFIX))
				.count())
			.allSatisfy((topic) -> assertThat(topic.getSpec().getConfig()).containsEntry("max.message.bytes",
					Repository.maxDeadLetterBytes()));
	}

	@Test
	void prodHasAScramUserPerServiceWhoseCredentialsTheServiceReads() {
		String cluster = single("prod", Kafka.class).getMetadata().getName();
		for (String service : Repository.SERVICES) {
			KafkaUser user = one("prod", KafkaUser.class, service);
			assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
			assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);

			EnvVar jaas = container("prod", service).getEnv()
				.stream()
				.filter((env) -> env.getName().equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
				.findFirst()
				.orElseThrow();
			assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(service);
			assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");
		}
		assertThat(all("prod", KafkaUser.class).map((user) -> user.getMetadata().getName()).toList())
			.containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
	}

	private static void assertAcl(AclRule acl, AclResourcePatternType patternType, String name,
			Class<? extends AclRuleResource> resourceType, AclOperation operation) {
		assertThat(acl.getResource()).isInstanceOf(resourceType)
			.hasFieldOrPropertyWithValue("name", name)
			.hasFieldOrPropertyWithValue("patternType", patternType);
		assertThat(acl.getOperations()).contains(operation);
	}

	private static void assertProbe(Probe probe, String path) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
	}

	private static int kafkaPort(String overlay) {
		return overlay.equals("prod") ? single("prod", Kafka.class).getSpec().getKafka().getListeners().get(0).getPort()
				: 9092;
	}

	private static Map<String, String> config(String overlay, String service) {
		return one(overlay, ConfigMap.class, service + "-config").getData();
	}

	private static Deployment deployment(String overlay, String service) {
		return one(overlay, Deployment.class, service);
	}

	private static Container container(String overlay, String service) {
		List<Container> containers = deployment(overlay, service).getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static <T extends HasMetadata> Stream<T> all(String overlay, Class<T> type) {
		return Kustomize.render(overlay).stream().filter(type::isInstance).map(type::cast);
	}

	private static <T extends HasMetadata> T single(String overlay, Class<T> type) {
		List<T> found = all(overlay, type).toList();
		assertThat(found).as(type.getSimpleName() + " in " + overlay).hasSize(1);
		return found.get(0);
	}

	private static <T extends HasMetadata> T one(String overlay, Class<T> type, String name) {
		Predicate<T> named = (object) -> object.getMetadata().getName().equals(name);
		List<T> found = all(overlay, type).filter(named).toList();
		assertThat(found).as(type.getSimpleName() + " " + name + " in " + overlay).hasSize(1);
		return found.get(0);
	}

}
