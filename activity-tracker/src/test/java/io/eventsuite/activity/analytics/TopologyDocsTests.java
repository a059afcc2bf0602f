package io.eventsuite.activity.analytics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

import io.eventsuite.test.TopologyDiagram;

/**
 * The README draws the topology the code builds, not one it used to build.
 */
class TopologyDocsTests {

	@Test
	void theReadmeShowsTheAnalyticsTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		ActivityAnalyticsTopology.build(builder, new InputTopics("user-activity", "orders", "chat-messages", 6),
				new AnalyticsProperties(Set.of(), Duration.ofSeconds(30), Duration.ofHours(1)),
				new SimpleMeterRegistry());

		TopologyDiagram.assertDocumentedIn(builder.build().describe(), Path.of("README.md"));
	}

}
