package io.eventsuite.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Kubernetes and Strimzi objects read into their model classes, strictly. Jackson's
 * FAIL_ON_UNKNOWN_PROPERTIES alone is not enough: the fabric8 and Strimzi classes keep
 * unknown fields in an {@code additionalProperties} map instead of failing, so every such
 * map in the object tree must also be empty. A misspelt or misplaced field, a wrong type
 * or an unknown kind fails with its path.
 */
final class StrictModel {

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
			Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/Service", Service.class),
			Map.entry("v1/Namespace", Namespace.class), Map.entry("apps/v1/Deployment", Deployment.class),
			Map.entry("apps/v1/StatefulSet", StatefulSet.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
			Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
			Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
			Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.build();

	private StrictModel() {
	}

	/**
	 * Reads one object into the model class of its apiVersion and kind.
	 * @param document the object as a tree
	 * @return the model object
	 * @throws IllegalArgumentException naming the object and what is wrong with it
	 */
	static HasMetadata read(JsonNode document) {
		String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
		String name = type + " " + document.path("metadata").path("name").asText();
		Class<? extends HasMetadata> modelClass = KINDS.get(type);
		if (modelClass == null) {
			throw new IllegalArgumentException(name + ": no model class for this apiVersion and kind; known: "
					+ KINDS.keySet().stream().sorted().toList());
		}
		HasMetadata object;
		try {
			object = MAPPER.treeToValue(document, modelClass);
		}
		catch (JsonMappingException ex) {
			throw new IllegalArgumentException(name + ": " + ex.getOriginalMessage() + " at " + ex.getPathReference(),
					ex);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(name + ": " + ex.getMessage(), ex);
		}
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(object, "", unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(name + ": unknown fields " + unknown);
		}
		return object;
	}

	private static void collectUnknownFields(Object value, String path, List<String> unknown, Set<Object> seen) {
		if (value == null || !seen.add(value)) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				collectUnknownFields(element, path + "[" + index++ + "]", unknown, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> collectUnknownFields(element, path + "." + key, unknown, seen));
			return;
		}
		if (!isModel(value.getClass())) {
			return;
		}
		for (Class<?> type = value.getClass(); isModel(type); type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object fieldValue;
				try {
					fieldValue = field.get(value);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
				if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
					extra.keySet().forEach((key) -> unknown.add(path + "." + key));
				}
				else {
					collectUnknownFields(fieldValue, path + "." + field.getName(), unknown, seen);
				}
			}
		}
	}

	private static boolean isModel(Class<?> type) {
		return type != null && (type.getName().startsWith("io.fabric8.") || type.getName().startsWith("io.strimzi."));
	}

}
