package io.eventsuite.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An overlay of {@code k8s/} rendered with kustomize ({@code kubectl kustomize}) and read
 * strictly into model objects.
 */
final class Kustomize {

	private static final Map<String, List<HasMetadata>> rendered = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	static List<HasMetadata> render(String overlay) {
		return rendered.computeIfAbsent(overlay, Kustomize::renderNow);
	}

	private static List<HasMetadata> renderNow(String overlay) {
		Assumptions.assumeTrue(Commands.installed(List.of("kubectl", "version", "--client")),
				"Skipped: kubectl is not installed, so k8s/overlays/" + overlay + " cannot be rendered");
		Commands.Result result = Commands
			.run(Repository.ROOT, List.of("kubectl", "kustomize", "k8s/overlays/" + overlay))
			.orElseThrow();
		assertThat(result.exitCode()).as(result.output()).isZero();
		return Yaml.parse(result.output()).stream().map(StrictModel::read).toList();
	}

}
