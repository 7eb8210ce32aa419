package com.shop.system.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.shop.events.CatalogEvent;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.ShopEvent;
import com.shop.events.Topics;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docs/asyncapi.yaml} against the AsyncAPI 3.0.0 schema and against the
 * code it documents: the event types, their topics and payload records in common-events,
 * the topics each service owns and consumes, and the event types its listeners handle. A
 * change to an event record that the document does not follow fails here.
 */
class AsyncApiDocumentTest {

	private static final String DEAD_LETTER_ADDRESS = "{topic}.DLT";

	private static final Pattern LISTENED_TOPIC = Pattern.compile("@KafkaListener\\([^)]*?topics = Topics\\.(\\w+)");

	private static final Pattern HANDLED_TYPE = Pattern.compile("\\.on\\((\\w+)\\.class");

	private final JsonNode document = ContractFiles.readYaml(ContractFiles.file("docs/asyncapi.yaml"));

	@Test
	void isValidAgainstTheAsyncApiSchema() {
		assertThat(ContractFiles.errors(ContractFiles.sharedSchema("asyncapi-3.0.0.json"), this.document)).isEmpty();
	}

	@Test
	void describesEveryEventTypeAndNoOther() {
		Set<String> typeNames = Arrays.stream(EventType.values())
			.map(EventType::typeName)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(eventMessages().keySet()).isEqualTo(typeNames);
		eventMessages().forEach((name, message) -> assertThat(ceType(message)).as(name).isEqualTo(name));
		List<String> others = new ArrayList<>();
		this.document.path("components").path("messages").properties().forEach((message) -> {
			if (ceType(message.getValue()) == null) {
				others.add(message.getKey());
			}
		});
		assertThat(others).as("messages that are no event type").containsExactly("DeadLetter");
	}

	@Test
	void describesEveryTopicAndItsDeadLetterTopics() {
		Set<String> topics = Stream
			.of(Topics.ORDERS, Topics.INVENTORY, Topics.PAYMENTS, Topics.CATALOG_PRODUCTS, Topics.NOTIFICATIONS)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> addresses = new TreeSet<>();
		this.document.path("channels").forEach((channel) -> addresses.add(channel.path("address").asString()));
		assertThat(addresses).isEqualTo(union(topics, Set.of(DEAD_LETTER_ADDRESS)));
		for (String topic : topics) {
			assertThat(this.document.path("channels").has(topic)).as("a channel named %s", topic).isTrue();
			String cleanupPolicy = channel(topic).path("bindings")
				.path("kafka")
				.path("topicConfiguration")
				.path("cleanup.policy")
				.path(0)
				.asString();
			assertThat(cleanupPolicy).as(topic).isEqualTo(Topics.isCompacted(topic) ? "compact" : "delete");
		}
		Set<String> consumed = new TreeSet<>();
		ContractFiles.SERVICES.forEach(
				(service) -> consumed.addAll(ContractFiles.listProperty(service, "shop.messaging.consumed-topics")));
		Set<String> deadLettered = new TreeSet<>();
		channel(DEAD_LETTER_ADDRESS).path("parameters")
			.path("topic")
			.path("enum")
			.forEach((topic) -> deadLettered.add(topic.asString()));
		assertThat(deadLettered).as("topics with a dead-letter topic").isEqualTo(consumed);
	}

	@Test
	void putsEachEventOnItsTopicKeyedByItsSubject() {
		for (EventType type : EventType.values()) {
			List<String> addresses = new ArrayList<>();
			this.document.path("channels").forEach((channel) -> channel.path("messages").forEach((message) -> {
				if (type.typeName().equals(resolve(message).path("name").asString())) {
					addresses.add(channel.path("address").asString());
				}
			}));
			assertThat(addresses).as(type.typeName()).containsExactly(type.topic());
			JsonNode key = resolve(resolve(message(type).path("bindings")).path("kafka").path("key"));
			if (CatalogEvent.class.isAssignableFrom(type.payloadType())) {
				assertThat(key.has("format")).as(type.typeName()).isFalse();
				assertThat(key.path("description").asString()).as(type.typeName()).contains("sku");
			}
			else {
				assertThat(key.path("format").asString()).as(type.typeName()).isEqualTo("uuid");
				assertThat(key.path("description").asString()).as(type.typeName()).contains("orderId");
			}
		}
	}

	@Test
	void carriesTheCloudEventsHeaders() {
		JsonNode headers = resolve(this.document.at("/components/schemas/CloudEventsHeaders"));
		assertThat(fieldNames(headers.path("properties"))).containsExactlyInAnyOrder("ce_specversion", "ce_id",
				"ce_source", "ce_type", "ce_time", "ce_subject", "content-type", "traceparent");
		assertThat(strings(headers.path("required"))).containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_source",
				"ce_type", "ce_time", "ce_subject", "content-type");
		for (EventType type : EventType.values()) {
			JsonNode allOf = message(type).path("headers").path("allOf");
			assertThat(allOf.path(0).path("$ref").asString()).as(type.typeName())
				.isEqualTo("#/components/schemas/CloudEventsHeaders");
			String source = allOf.path(1).path("properties").path("ce_source").path("const").asString();
			assertThat(source).as(type.typeName()).isEqualTo("/" + writerOf(type.topic()));
		}
	}

	@Test
	void payloadSchemasListExactlyTheRecordComponents() {
		SoftAssertions.assertSoftly((softly) -> {
			for (EventType type : EventType.values()) {
				assertDescribes(softly, message(type).path("payload"), type.payloadType(), type.typeName());
			}
		});
	}

	@Test
	void eventsAsWrittenMatchTheirPayloadSchemas() {
		for (EventType type : EventType.values()) {
			Schema payload = payloadSchema(type);
			JsonNode written = EventJson.mapper()
				.readTree(EventJson.write((ShopEvent) EventSamples.sample(type.payloadType())));
			assertThat(ContractFiles.errors(payload, written)).as(type.typeName()).isEmpty();
			for (String property : EventSamples.requiredProperties(type.payloadType())) {
				ObjectNode incomplete = ((ObjectNode) written).deepCopy();
				incomplete.remove(property);
				assertThat(ContractFiles.errors(payload, incomplete)).as("%s without %s", type.typeName(), property)
					.isNotEmpty();
			}
		}
	}

	@Test
	void examplesMatchTheirMessages() {
		for (EventType type : EventType.values()) {
			JsonNode message = message(type);
			for (JsonNode example : message.path("examples")) {
				assertThat(ContractFiles.errors(payloadSchema(type), example.path("payload"))).as(type.typeName())
					.isEmpty();
				assertThat(ContractFiles.errors(ContractFiles.schema(withComponents(message.path("headers"))),
						example.path("headers")))
					.as(type.typeName())
					.isEmpty();
			}
		}
	}

	@Test
	void operationsAreWhatEachServiceWritesAndReads() {
		for (String service : ContractFiles.SERVICES) {
			assertThat(operationChannels(service, "send")).as("%s sends to", service)
				.isEqualTo(ContractFiles.listProperty(service, "shop.messaging.owned-topics"));
			Map<String, Set<String>> listened = listenedTypes(service);
			assertThat(listened.keySet()).as("%s listens to", service)
				.isEqualTo(ContractFiles.listProperty(service, "shop.messaging.consumed-topics"));
			Map<String, Set<String>> received = new TreeMap<>();
			this.document.path("operations").forEach((operation) -> {
				if (operation.path("action").asString().equals("receive") && serviceOf(operation).equals(service)) {
					received.put(resolve(operation.path("channel")).path("address").asString(),
							messageNames(operation));
				}
			});
			assertThat(received).as("%s receives", service).isEqualTo(listened);
		}
		this.document.path("operations").forEach((operation) -> {
			if (operation.path("action").asString().equals("send")) {
				String address = resolve(operation.path("channel")).path("address").asString();
				Set<String> all = new TreeSet<>();
				resolve(operation.path("channel")).path("messages")
					.forEach((message) -> all.add(resolve(message).path("name").asString()));
				assertThat(messageNames(operation)).as("what is sent to %s", address).isEqualTo(all);
			}
		});
	}

	private void assertDescribes(SoftAssertions softly, JsonNode schemaOrReference, Type type, String path) {
		JsonNode schema = resolve(schemaOrReference);
		Class<?> raw = EventSamples.rawClass(type);
		if (raw.isRecord()) {
			if (schemaOrReference.has("$ref")) {
				softly.assertThat(schemaOrReference.path("$ref").asString())
					.as(path)
					.endsWith("/" + raw.getSimpleName());
			}
			softly.assertThat(types(schema)).as(path).containsExactly("object");
			List<String> components = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList();
			softly.assertThat(fieldNames(schema.path("properties")))
				.as(path + " properties")
				.containsExactlyInAnyOrderElementsOf(components);
			Set<String> required = EventSamples.requiredProperties(raw);
			softly.assertThat(strings(schema.path("required")))
				.as(path + " required")
				.containsExactlyInAnyOrderElementsOf(required);
			for (RecordComponent component : raw.getRecordComponents()) {
				JsonNode property = schema.path("properties").path(component.getName());
				String propertyPath = path + "." + component.getName();
				if (!required.contains(component.getName())) {
					// Jackson writes an absent optional value as null.
					softly.assertThat(types(resolve(property))).as(propertyPath).contains("null");
				}
				assertDescribes(softly, property, component.getGenericType(), propertyPath);
			}
		}
		else if (raw == List.class) {
			softly.assertThat(types(schema)).as(path).containsExactly("array");
			assertDescribes(softly, schema.path("items"), ((ParameterizedType) type).getActualTypeArguments()[0],
					path + "[]");
		}
		else if (raw.isEnum()) {
			softly.assertThat(types(schema)).as(path).contains("string");
			softly.assertThat(strings(schema.path("enum")))
				.as(path)
				.containsExactlyElementsOf(Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
		}
		else if (raw == UUID.class) {
			softly.assertThat(types(schema)).as(path).contains("string");
			softly.assertThat(schema.path("format").asString()).as(path).isEqualTo("uuid");
		}
		else if (raw == Instant.class) {
			softly.assertThat(types(schema)).as(path).contains("string");
			softly.assertThat(schema.path("format").asString()).as(path).isEqualTo("date-time");
		}
		else if (raw == BigDecimal.class) {
			// Money writes its amount as a decimal string, never a JSON number.
			softly.assertThat(types(schema)).as(path).containsExactly("string");
			softly.assertThat(schema.path("pattern").asString()).as(path).isNotEmpty();
		}
		else if (raw == String.class) {
			softly.assertThat(types(schema)).as(path).contains("string");
		}
		else if (raw == int.class || raw == long.class) {
			softly.assertThat(types(schema)).as(path).containsExactly("integer");
		}
		else if (raw == boolean.class) {
			softly.assertThat(types(schema)).as(path).containsExactly("boolean");
		}
		else {
			throw new AssertionError(path + ": no JSON mapping known for " + type);
		}
	}

	/** The event messages by name: those whose headers fix a {@code ce_type}. */
	private Map<String, JsonNode> eventMessages() {
		Map<String, JsonNode> messages = new TreeMap<>();
		this.document.path("components").path("messages").forEach((message) -> {
			if (ceType(message) != null) {
				messages.put(message.path("name").asString(), message);
			}
		});
		return messages;
	}

	private JsonNode message(EventType type) {
		JsonNode message = eventMessages().get(type.typeName());
		assertThat(message).as(type.typeName()).isNotNull();
		return message;
	}

	private static String ceType(JsonNode message) {
		for (JsonNode part : message.path("headers").path("allOf")) {
			JsonNode type = part.path("properties").path("ce_type").path("const");
			if (type.isString()) {
				return type.asString();
			}
		}
		return null;
	}

	private Schema payloadSchema(EventType type) {
		return ContractFiles.schema(withComponents(message(type).path("payload")));
	}

	/** A stand-alone schema whose references into the document's components resolve. */
	private JsonNode withComponents(JsonNode schema) {
		ObjectNode standalone = JsonNodeFactory.instance.objectNode();
		standalone.set("allOf", JsonNodeFactory.instance.arrayNode().add(schema));
		standalone.set("components", this.document.path("components"));
		return standalone;
	}

	private JsonNode channel(String address) {
		for (JsonNode channel : this.document.path("channels")) {
			if (channel.path("address").asString().equals(address)) {
				return channel;
			}
		}
		throw new AssertionError("no channel with address " + address);
	}

	/** Follows local references ({@code #/...}) to the node they point at. */
	private JsonNode resolve(JsonNode node) {
		JsonNode resolved = node;
		while (resolved.path("$ref").isString()) {
			String reference = resolved.path("$ref").asString();
			assertThat(reference).startsWith("#/");
			resolved = this.document.at(reference.substring(1));
			assertThat(resolved.isMissingNode()).as(reference).isFalse();
		}
		return resolved;
	}

	private Set<String> operationChannels(String service, String action) {
		Set<String> addresses = new TreeSet<>();
		this.document.path("operations").forEach((operation) -> {
			if (operation.path("action").asString().equals(action) && serviceOf(operation).equals(service)) {
				addresses.add(resolve(operation.path("channel")).path("address").asString());
			}
		});
		return addresses;
	}

	/**
	 * The service an operation belongs to: its only tag; several for the dead letters.
	 */
	private static String serviceOf(JsonNode operation) {
		List<String> tags = new ArrayList<>();
		operation.path("tags").forEach((tag) -> tags.add(tag.path("name").asString()));
		assertThat(tags).isNotEmpty();
		return (tags.size() == 1) ? tags.get(0) : "several";
	}

	private Set<String> messageNames(JsonNode operation) {
		Set<String> names = new TreeSet<>();
		operation.path("messages").forEach((message) -> names.add(resolve(message).path("name").asString()));
		return names;
	}

	private String writerOf(String topic) {
		return ContractFiles.SERVICES.stream()
			.filter((service) -> ContractFiles.listProperty(service, "shop.messaging.owned-topics").contains(topic))
			.findFirst()
			.map((service) -> ContractFiles.applicationProperties(service).get("spring.application.name"))
			.orElseThrow();
	}

	/**
	 * The event types the service's {@code @KafkaListener} classes handle, by topic, read
	 * from their sources (listener classes, handlers registered with
	 * {@code EventHandlers.builder().on(Type.class, ...)}).
	 */
	private static Map<String, Set<String>> listenedTypes(String service) {
		Map<String, Set<String>> types = new TreeMap<>();
		try (Stream<Path> sources = Files.walk(ContractFiles.file(service + "/src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String code = ContractFiles.read(source);
				Matcher listener = LISTENED_TOPIC.matcher(code);
				if (code.contains("@KafkaListener")) {
					assertThat(listener.find()).as(source.toString()).isTrue();
					Set<String> handled = new TreeSet<>();
					Matcher type = HANDLED_TYPE.matcher(code);
					while (type.find()) {
						handled.add(typeNameOf(type.group(1)));
					}
					// several listeners may read one topic (live status reads orders
					// in a group of its own): the union is what is read
					types.merge((String) Topics.class.getField(listener.group(1)).get(null), handled, (a, b) -> {
						a.addAll(b);
						return a;
					});
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		return types;
	}

	private static String typeNameOf(String recordName) {
		return Arrays.stream(EventType.values())
			.filter((type) -> type.payloadType().getSimpleName().equals(recordName))
			.map(EventType::typeName)
			.findFirst()
			.orElseThrow(() -> new AssertionError("not an event record: " + recordName));
	}

	private static Set<String> types(JsonNode schema) {
		JsonNode type = schema.path("type");
		return type.isArray() ? new TreeSet<>(strings(type)) : Set.of(type.asString());
	}

	private static List<String> fieldNames(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.properties().forEach((field) -> names.add(field.getKey()));
		return names;
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new TreeSet<>(first);
		union.addAll(second);
		return union;
	}

}
