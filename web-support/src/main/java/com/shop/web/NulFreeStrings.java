package com.shop.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL character (U+0000) in any string of a request body, as a 400 naming the
 * field. PostgreSQL cannot store it in text, so without this the request would fail at
 * the database, as a server error, after everything else had accepted it.
 */
final class NulFreeStrings extends StringDeserializer {

	private NulFreeStrings() {
	}

	static SimpleModule module() {
		return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String value = super.deserialize(parser, context);
		if (value != null && value.indexOf('\0') >= 0) {
			return (String) context.handleWeirdStringValue(String.class, value,
					"contains a NUL character (U+0000), which no field accepts");
		}
		return value;
	}

}
