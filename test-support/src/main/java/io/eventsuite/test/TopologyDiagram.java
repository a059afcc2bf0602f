package io.eventsuite.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyDescription.Node;
import org.apache.kafka.streams.TopologyDescription.Processor;
import org.apache.kafka.streams.TopologyDescription.Sink;
import org.apache.kafka.streams.TopologyDescription.Source;
import org.apache.kafka.streams.TopologyDescription.Subtopology;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draws a Kafka Streams topology as a Mermaid flowchart, straight from
 * {@code Topology#describe()}: topics as queues, processors as boxes in one frame per
 * sub-topology, state stores as cylinders. Docs embed the drawing, and
 * {@link #assertDocumentedIn} keeps them from drifting from the code.
 */
public final class TopologyDiagram {

	private TopologyDiagram() {
	}

	/**
	 * The Mermaid flowchart of a topology.
	 * @param topology the description
	 * @return the chart, without the code fence
	 */
	public static String mermaid(TopologyDescription topology) {
		StringBuilder chart = new StringBuilder("flowchart LR\n");
		Set<String> topics = new TreeSet<>();
		Set<String> stores = new TreeSet<>();
		Set<String> edges = new LinkedHashSet<>();
		for (Subtopology subtopology : topology.subtopologies()) {
			chart.append("    subgraph sub")
				.append(subtopology.id())
				.append("[\"sub-topology ")
				.append(subtopology.id())
				.append("\"]\n");
			subtopology.nodes()
				.stream()
				.sorted(Comparator.comparing(Node::name))
				.forEach((node) -> chart.append("        ")
					.append(id("n", node.name()))
					.append("[\"")
					.append(node.name())
					.append("\"]\n"));
			chart.append("    end\n");
			for (Node node : subtopology.nodes()) {
				node.successors().forEach((next) -> edges.add(id("n", node.name()) + " --> " + id("n", next.name())));
				if (node instanceof Source source) {
					source.topicSet().forEach((topic) -> {
						topics.add(topic);
						edges.add(id("t", topic) + " --> " + id("n", node.name()));
					});
				}
				if (node instanceof Sink sink && sink.topic() != null) {
					topics.add(sink.topic());
					edges.add(id("n", node.name()) + " --> " + id("t", sink.topic()));
				}
				if (node instanceof Processor processor) {
					processor.stores().forEach((store) -> {
						stores.add(store);
						edges.add(id("n", node.name()) + " --- " + id("s", store));
					});
				}
			}
		}
		topics.forEach(
				(topic) -> chart.append("    ").append(id("t", topic)).append("[[\"").append(topic).append("\"]]\n"));
		stores.forEach(
				(store) -> chart.append("    ").append(id("s", store)).append("[(\"").append(store).append("\")]\n"));
		edges.forEach((edge) -> chart.append("    ").append(edge).append('\n'));
		return chart.toString();
	}

	/**
	 * Asserts that a document shows the topology as it is.
	 * @param topology the description
	 * @param document the Markdown file, relative to the working directory of the test
	 */
	public static void assertDocumentedIn(TopologyDescription topology, Path document) {
		String chart = mermaid(topology);
		String text;
		try {
			text = Files.readString(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(text)
			.as("%s shows the topology; paste this Mermaid chart into it:%n```mermaid%n%s```", document, chart)
			.contains(chart);
	}

	private static String id(String kind, String name) {
		return kind + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
	}

}
