package com.shop.system.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project files the contract tests read: the repository root, the public JSON Schemas
 * kept beside it in {@code ../shared/schemas}, the services' {@code application.yml}, and
 * the JSON Schema validation itself.
 */
final class ContractFiles {

	static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"notification-service");

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private static final JsonMapper json = JsonMapper.builder().build();

	// Both schemas are draft-07; their own $schema values are not all ones the validator
	// recognises, so the dialect is fixed here rather than looked up (no network access).
	private static final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private ContractFiles() {
	}

	static Path root() {
		return Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
	}

	static Path file(String relativePath) {
		return root().resolve(relativePath);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode readYaml(Path file) {
		return yaml.readTree(read(file));
	}

	/**
	 * The public schema of that name in {@code ../shared/schemas}; the calling test is
	 * skipped where that folder does not exist (it does in CI).
	 */
	static Schema sharedSchema(String name) {
		Path file = root().resolve("../shared/schemas").resolve(name).normalize();
		assumeTrue(Files.isRegularFile(file),
				() -> file + " is absent, so this check is skipped; it runs where ../shared/schemas exists, as in CI");
		// The retrieval location gives the compose schema's relative $id a base to
		// resolve against.
		return schemas.getSchema(SchemaLocation.of(file.toUri().toString()), json.readTree(read(file)));
	}

	/** A schema given inline, for payload schemas taken from the AsyncAPI document. */
	static Schema schema(JsonNode schema) {
		return schemas.getSchema(schema);
	}

	/** The validation errors of a document, one line each; empty when it is valid. */
	static List<String> errors(Schema schema, JsonNode document) {
		return schema.validate(document).stream().map(Object::toString).toList();
	}

	/**
	 * A service's {@code application.yml} as flat property names (as Spring would see
	 * them, e.g. {@code spring.kafka.bootstrap-servers}) with their values as text.
	 */
	static Map<String, String> applicationProperties(String service) {
		JsonNode tree = readYaml(file(service + "/src/main/resources/application.yml"));
		Map<String, String> properties = new LinkedHashMap<>();
		flatten("", tree, properties);
		return properties;
	}

	static int serverPort(String service) {
		return Integer.parseInt(applicationProperties(service).get("server.port"));
	}

	/** A comma-separated property value as a set, e.g. the topics a service owns. */
	static Set<String> listProperty(String service, String name) {
		String value = applicationProperties(service).getOrDefault(name, "");
		return Arrays.stream(value.split(","))
			.map(String::trim)
			.filter((item) -> !item.isEmpty())
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	/**
	 * Whether the environment variable sets that property under Spring Boot's relaxed
	 * binding: {@code SPRING_KAFKA_BOOTSTRAPSERVERS} (canonical: dots to underscores,
	 * dashes dropped) or {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} (legacy: dashes to
	 * underscores too) both set {@code spring.kafka.bootstrap-servers}.
	 */
	static boolean bindsTo(String environmentVariable, String property) {
		String variable = environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
		String name = property.toLowerCase(Locale.ROOT);
		return variable.equals(name.replace("-", "")) || variable.equals(name.replace('-', '.'));
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> properties) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(),
						properties);
			}
		}
		else {
			properties.put(prefix, node.isValueNode() ? node.asString() : node.toString());
		}
	}

}
