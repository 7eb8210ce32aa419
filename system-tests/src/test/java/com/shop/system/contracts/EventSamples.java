package com.shop.system.contracts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.shop.events.EventJson;
import com.shop.events.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sample instances of the event records, built by reflection so that a new field needs no
 * change here, and what their JSON form requires, found the way a consumer finds it: by
 * reading JSON that lacks the field with {@link EventJson}.
 */
final class EventSamples {

	private EventSamples() {
	}

	/** A valid instance of the type, with every field set. */
	static Object sample(Type type) {
		Class<?> raw = rawClass(type);
		if (raw == Money.class) {
			return Money.of("19.98", "EUR");
		}
		if (raw == UUID.class) {
			return UUID.randomUUID();
		}
		if (raw == String.class) {
			return "sample";
		}
		if (raw == Instant.class) {
			return Instant.parse("2025-11-30T10:15:30.123Z");
		}
		if (raw == BigDecimal.class) {
			return new BigDecimal("19.98");
		}
		if (raw == int.class || raw == Integer.class) {
			return 2;
		}
		if (raw == long.class || raw == Long.class) {
			return 2L;
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return true;
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0];
		}
		if (raw == List.class) {
			return List.of(sample(((ParameterizedType) type).getActualTypeArguments()[0]));
		}
		if (raw.isRecord()) {
			return construct(raw,
					Arrays.stream(raw.getRecordComponents())
						.map((component) -> sample(component.getGenericType()))
						.toArray());
		}
		throw new IllegalArgumentException("no sample for " + type);
	}

	/** The sample as the JSON that goes on the wire. */
	static JsonNode json(Class<?> record) {
		return EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(sample(record)));
	}

	/**
	 * The record's properties a reader cannot do without: the JSON of a sample without
	 * that property does not read back (a null check in the constructor, or a primitive).
	 */
	static Set<String> requiredProperties(Class<?> record) {
		ObjectNode complete = (ObjectNode) json(record);
		Set<String> required = new TreeSet<>();
		for (RecordComponent component : record.getRecordComponents()) {
			ObjectNode without = complete.deepCopy();
			without.remove(component.getName());
			try {
				EventJson.mapper().treeToValue(without, record);
			}
			catch (JacksonException | IllegalArgumentException ex) {
				required.add(component.getName());
			}
		}
		return required;
	}

	static Class<?> rawClass(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return (Class<?>) type;
	}

	private static Object construct(Class<?> record, Object[] arguments) {
		try {
			Constructor<?> canonical = record.getDeclaredConstructor(
					Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
			return canonical.newInstance(arguments);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("cannot build a sample " + record.getSimpleName(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
