package com.shop.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and mutated input for property tests of hostile clients: JSON bodies derived
 * from a valid one, header values, path segments and raw bytes. Seeded, so a failure is
 * reproducible: the seed is printed and {@code -Dshop.fuzz.seed=N} replays it.
 *
 * <p>
 * Hand-written rather than jqwik: jqwik 1.9 runs on JUnit Platform 1 (Boot 4 brings
 * Platform 6), and jqwik 1.10's maintainers ask that it not be used by AI coding agents.
 */
public final class Hostile {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String[] NASTY_STRINGS = { "", " ", "null", "NaN", "-1", "0", "1e309", "\u0000",
			"\u202e\u0645", "💥", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\\u0000",
			"a".repeat(5000), "tok_visa\r\nX-Injected: 1", "${jndi:ldap://x}", "9".repeat(40) };

	private final Random random;

	private final long seed;

	private Hostile(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** A generator with the seed from {@code -Dshop.fuzz.seed}, or a new one. */
	public static Hostile generator(String name) {
		long seed = Long.getLong("shop.fuzz.seed", System.nanoTime());
		System.out.printf("[fuzz] %s: seed %d (replay with -Dshop.fuzz.seed=%d)%n", name, seed, seed);
		return new Hostile(seed);
	}

	public long seed() {
		return this.seed;
	}

	public Random random() {
		return this.random;
	}

	public <T> T oneOf(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	/** A body derived from a valid one, most often no longer valid. */
	public byte[] mutatedJson(String validJson) {
		return switch (this.random.nextInt(10)) {
			case 0 -> bytes(this.random.nextInt(200));
			case 1 -> truncated(validJson.getBytes(StandardCharsets.UTF_8));
			case 2 -> flipped(validJson.getBytes(StandardCharsets.UTF_8));
			case 3 -> utf8(json.writeValueAsString(value(3)));
			case 4 -> utf8("[".repeat(2000 + this.random.nextInt(3000)));
			default -> utf8(json.writeValueAsString(mutate(json.readTree(validJson), 0)));
		};
	}

	/** A random JSON value, nested up to the depth. */
	public JsonNode value(int depth) {
		int kind = this.random.nextInt((depth <= 0) ? 5 : 7);
		return switch (kind) {
			case 0 -> json.getNodeFactory().nullNode();
			case 1 -> json.getNodeFactory().booleanNode(this.random.nextBoolean());
			case 2 -> json.getNodeFactory().numberNode(number());
			case 3 -> json.getNodeFactory().textNode(text());
			case 4 ->
				json.getNodeFactory().numberNode(this.random.nextDouble() * Math.pow(10, this.random.nextInt(40)));
			case 5 -> {
				var array = json.getNodeFactory().arrayNode();
				for (int i = this.random.nextInt(5); i > 0; i--) {
					array.add(value(depth - 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = json.getNodeFactory().objectNode();
				for (int i = this.random.nextInt(5); i > 0; i--) {
					object.set(text(), value(depth - 1));
				}
				yield object;
			}
		};
	}

	/** A header value: printable, odd, long, or with bytes outside ASCII. */
	public String headerValue() {
		return switch (this.random.nextInt(5)) {
			case 0 -> text().replaceAll("[\r\n]", "");
			case 1 -> "x".repeat(1 + this.random.nextInt(10_000));
			case 2 ->
				new String(bytes(1 + this.random.nextInt(40)), StandardCharsets.ISO_8859_1).replaceAll("[\r\n]", "");
			default -> String.valueOf(number());
		};
	}

	/** A path segment or query value, percent-encoded or raw. */
	public String pathSegment() {
		return switch (this.random.nextInt(6)) {
			case 0 -> "%" + Integer.toHexString(this.random.nextInt(256));
			case 1 -> "..%2F..%2Fetc%2Fpasswd";
			case 2 -> "a".repeat(1 + this.random.nextInt(3000));
			case 3 -> UUID.randomUUID().toString();
			case 4 -> URLEncoder.encode(text(), StandardCharsets.UTF_8);
			default -> String.valueOf(number());
		};
	}

	public Map<String, String> headers(Map<String, String> valid) {
		Map<String, String> headers = new LinkedHashMap<>(valid);
		List<String> names = new ArrayList<>(headers.keySet());
		if (!names.isEmpty() && this.random.nextInt(3) == 0) {
			headers.put(oneOf(names), headerValue());
		}
		if (this.random.nextInt(3) == 0) {
			headers.put(oneOf(List.of("Content-Type", "Accept", "Idempotency-Key", "X-Request-Id", "Authorization",
					"Content-Encoding", "Origin")), headerValue());
		}
		return headers;
	}

	public byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private JsonNode mutate(JsonNode node, int depth) {
		if (node instanceof ObjectNode object && !object.isEmpty()) {
			List<String> fields = new ArrayList<>(object.propertyNames());
			String field = oneOf(fields);
			switch (this.random.nextInt(4)) {
				case 0 -> object.remove(field);
				case 1 -> object.set(field, value(2));
				case 2 -> object.set(text(), value(1));
				default -> object.set(field, mutate(object.get(field), depth + 1));
			}
			return object;
		}
		if (node.isArray() && !node.isEmpty()) {
			var array = (ArrayNode) node;
			int index = this.random.nextInt(array.size());
			if (this.random.nextBoolean()) {
				array.set(index, mutate(array.get(index), depth + 1));
			}
			else {
				for (int i = this.random.nextInt(300); i > 0; i--) {
					array.add(array.get(index).deepCopy());
				}
			}
			return array;
		}
		return value(1);
	}

	private String text() {
		if (this.random.nextInt(3) == 0) {
			return oneOf(List.of(NASTY_STRINGS));
		}
		StringBuilder text = new StringBuilder();
		for (int i = this.random.nextInt(20); i > 0; i--) {
			text.append(
					(char) (this.random.nextBoolean() ? 32 + this.random.nextInt(95) : this.random.nextInt(0x3000)));
		}
		return text.toString();
	}

	private long number() {
		return switch (this.random.nextInt(4)) {
			case 0 -> this.random.nextInt(10) - 3;
			case 1 -> Long.MAX_VALUE - this.random.nextInt(3);
			case 2 -> Integer.MIN_VALUE;
			default -> this.random.nextLong();
		};
	}

	private byte[] truncated(byte[] valid) {
		return Arrays.copyOf(valid, this.random.nextInt(valid.length));
	}

	private byte[] flipped(byte[] valid) {
		byte[] copy = valid.clone();
		for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
			copy[this.random.nextInt(copy.length)] = (byte) this.random.nextInt(256);
		}
		return copy;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
