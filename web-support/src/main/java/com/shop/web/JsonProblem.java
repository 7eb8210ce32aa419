package com.shop.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What was wrong with a request body that did not bind, in words a client can act on:
 * which field (its path and JSON pointer) and what it should have been, instead of the
 * JSON library's message about Java types.
 */
final class JsonProblem {

	private JsonProblem() {
	}

	/** The offending field, or {@code null} when the body as a whole is not an object. */
	static FieldError of(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
		return new FieldError(field, message(ex));
	}

	private static String message(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unknown) {
			Collection<Object> known = unknown.getKnownPropertyIds();
			return "is not a field of this request" + ((known != null && !known.isEmpty())
					? " (the fields are "
							+ known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")"
					: "");
		}
		if (ex instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
			Class<?> type = coercion.getTargetType();
			if (type == int.class || type == Integer.class) {
				return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
			}
			if (type == long.class || type == Long.class) {
				return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
			}
			return "is out of range for " + expected(type);
		}
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		if (ex instanceof ValueInstantiationException && ex.getCause() instanceof ArithmeticException) {
			return "has more decimals than the currency allows (2)";
		}
		if (ex instanceof ValueInstantiationException && ex.getCause() != null) {
			return String.valueOf(ex.getCause().getMessage());
		}
		if (ex instanceof InvalidFormatException format) {
			return "must be " + expected(format.getTargetType()) + ", not " + quote(format.getValue());
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			String sent = sent(mismatch.getCurrentToken());
			return "must be " + expected(mismatch.getTargetType()) + ((sent != null) ? ", not " + sent : "");
		}
		return ex.getOriginalMessage();
	}

	private static String expected(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (type == BigDecimal.class) {
			return "a decimal number as a string, e.g. \"19.98\"";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type.isEnum()) {
			return "one of " + List.of(type.getEnumConstants());
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a " + type.getSimpleName();
	}

	/** What kind of JSON value was sent, in words. */
	private static String sent(JsonToken token) {
		if (token == null) {
			return null;
		}
		return switch (token) {
			case VALUE_NUMBER_INT -> "a whole number";
			case VALUE_NUMBER_FLOAT -> "a number with a fraction";
			case VALUE_STRING -> "a string";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			default -> null;
		};
	}

	private static String quote(Object value) {
		String text = String.valueOf(value);
		if (text.length() > 40) {
			text = text.substring(0, 40) + "…";
		}
		return (value instanceof String) ? "\"" + text + "\"" : text;
	}

}
