package com.shop.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import com.shop.events.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property test of one JSON request type: every field of a valid body, one at a time,
 * given a value of each JSON type it is not (a fraction or a whole number, a string, a
 * boolean, {@code null}, an object, an array), and a field the type does not have. Each
 * such request must be refused with a 400 problem whose {@code errors} name that field by
 * its JSON pointer, and must change nothing that {@code persisted} counts (what the
 * service stores, and the outbox of what it publishes).
 */
public final class WrongTypes {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private WrongTypes() {
	}

	/** One generated request body: the field it breaks, how, and the whole body. */
	public record Case(String pointer, String value, String body) {

		@Override
		public String toString() {
			return this.pointer + " = " + this.value;
		}

	}

	/**
	 * Every wrong-typed variant of {@code validJson}. A field in {@code nullable} may be
	 * {@code null}, so null is not tried there.
	 */
	public static List<Case> of(String validJson, Set<String> nullable) {
		JsonNode valid = EventJson.mapper().readTree(validJson);
		List<Case> cases = new ArrayList<>();
		collect(valid, valid, "", nullable, cases);
		ObjectNode unknown = ((ObjectNode) valid.deepCopy()).put("misspeltField", 1);
		cases.add(new Case("/misspeltField", "1", unknown.toString()));
		return cases;
	}

	private static void collect(JsonNode root, JsonNode node, String pointer, Set<String> nullable, List<Case> cases) {
		if (!pointer.isEmpty()) {
			for (JsonNode wrong : wrongFor(node)) {
				if (wrong.isNull() && nullable.contains(pointer)) {
					continue;
				}
				JsonNode body = root.deepCopy();
				replace(body, pointer, wrong);
				cases.add(new Case(pointer, wrong.toString(), body.toString()));
			}
		}
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				collect(root, field.getValue(), pointer + "/" + field.getKey(), nullable, cases);
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			collect(root, node.get(0), pointer + "/0", nullable, cases);
		}
	}

	/** Values of every JSON type but the field's own. */
	private static List<JsonNode> wrongFor(JsonNode value) {
		List<JsonNode> wrong = new ArrayList<>();
		if (value.isIntegralNumber()) {
			wrong.add(NODES.numberNode(new java.math.BigDecimal("1.7")));
			wrong.add(NODES.stringNode(value.asString()));
			// out of range of every integer type a field has
			wrong.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
		}
		else if (value.isNumber()) {
			wrong.add(NODES.stringNode(value.asString()));
		}
		else {
			wrong.add(NODES.numberNode(2));
			wrong.add(NODES.numberNode(new java.math.BigDecimal("2.5")));
		}
		if (!value.isString()) {
			wrong.add(NODES.stringNode("x"));
		}
		if (!value.isBoolean()) {
			wrong.add(NODES.booleanNode(true));
		}
		else {
			wrong.add(NODES.stringNode("true"));
			wrong.add(NODES.numberNode(1));
		}
		wrong.add(NODES.nullNode());
		if (!value.isObject()) {
			wrong.add(NODES.objectNode());
		}
		if (!value.isArray()) {
			ArrayNode array = NODES.arrayNode();
			array.add(value.deepCopy());
			wrong.add(array);
		}
		return wrong;
	}

	private static void replace(JsonNode root, String pointer, JsonNode value) {
		int slash = pointer.lastIndexOf('/');
		String parentPointer = pointer.substring(0, slash);
		String last = pointer.substring(slash + 1);
		JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
	}

	/**
	 * Sends every case as {@code method target} with {@code headers} (content type and
	 * credentials) and checks each answer.
	 * @return a line for the test's report
	 */
	public static String send(String name, int port, String method, String target, Map<String, String> headers,
			String validJson, Set<String> nullable, LongSupplier persisted) {
		List<Case> cases = of(validJson, nullable);
		int address = 1;
		for (Case wrong : cases) {
			long before = persisted.getAsLong();
			String client = "127.0.9." + (1 + (address++ % 254));
			RawHttp.Response response = RawHttp.exchange(port, client, method, target, headers,
					wrong.body().getBytes(StandardCharsets.UTF_8));
			assertThat(response.status()).as("%s %s: %s -> %s", method, target, wrong, response.body()).isEqualTo(400);
			assertThat(response.header("content-type")).as("%s: %s", target, wrong)
				.startsWith("application/problem+json");
			JsonNode problem = EventJson.mapper().readTree(response.body());
			List<String> pointers = new ArrayList<>();
			problem.path("errors").forEach((error) -> pointers.add(error.path("pointer").asString()));
			assertThat(pointers).as("%s %s: %s -> %s", method, target, wrong, response.body())
				.anySatisfy((pointer) -> assertThat(pointer).isEqualTo(wrong.pointer()));
			assertThat(persisted.getAsLong()).as("%s: %s refused, but something was stored", target, wrong)
				.isEqualTo(before);
		}
		String line = String.format("[wrong types] %s %s %s: %d wrong-typed bodies, every one a 400 naming its field",
				name, method, target, cases.size());
		System.out.println(line);
		return line;
	}

}
