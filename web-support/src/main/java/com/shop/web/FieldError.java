package com.shop.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending field of a rejected request, listed in the problem's {@code errors}.
 *
 * @param field the field's path, e.g. {@code items[0].quantity}, or the name of the
 * header or query parameter
 * @param pointer where it is in the request body, as a JSON pointer (RFC 6901), e.g.
 * {@code /items/0/quantity}; absent for headers and query parameters
 * @param message what is wrong with it
 */
public record FieldError(String field, @JsonInclude(JsonInclude.Include.NON_NULL) String pointer, String message) {

	/** An error of a field of the request body, named by its path. */
	public FieldError(String field, String message) {
		this(field, pointer(field), message);
	}

	/** An error of a header or a query parameter: it has no place in the body. */
	public static FieldError ofParameter(String name, String message) {
		return new FieldError(name, null, message);
	}

	/** {@code items[0].quantity} as {@code /items/0/quantity}; the body itself is "". */
	static String pointer(String path) {
		if (path == null || path.isEmpty()) {
			return "";
		}
		StringBuilder pointer = new StringBuilder();
		for (String part : path.replace("]", "").split("[.\\[]")) {
			pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
		}
		return pointer.toString();
	}

}
