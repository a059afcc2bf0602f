package io.eventsuite.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * YAML documents as trees.
 */
final class Yaml {

	static final YAMLMapper MAPPER = new YAMLMapper();

	private Yaml() {
	}

	static List<JsonNode> read(Path file) {
		return parse(Repository.read(file));
	}

	static List<JsonNode> parse(String yaml) {
		try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
			return documents.readAll()
				.stream()
				.filter((document) -> !document.isNull() && !document.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
