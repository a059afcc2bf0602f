package io.eventsuite.order.view;

import java.nio.file.Path;

import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

import io.eventsuite.test.TopologyDiagram;

/**
 * The README draws the topology the code builds, not one it used to build.
 */
class TopologyDocsTests {

	@Test
	void theReadmeShowsTheOrderViewTopology() {
		StreamsBuilder builder = new StreamsBuilder();
		OrderViewTopology.build(builder, "orders");

		TopologyDiagram.assertDocumentedIn(builder.build().describe(), Path.of("README.md"));
	}

}
