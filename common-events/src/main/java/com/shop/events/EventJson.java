package com.shop.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of event payloads: values are read as they are ({@link StrictJson}: a
 * payload that does not fit is a malformed event, never coerced), unknown fields are
 * ignored (so producers can add optional fields), missing required ones are rejected,
 * instants are ISO-8601 strings.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = StrictJson.configure(JsonMapper.builder())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private EventJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] write(ShopEvent event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/**
	 * Reads a payload of the given type.
	 * @throws MalformedEventException when the bytes are not a valid payload of that type
	 */
	public static <T extends ShopEvent> T read(byte[] json, Class<T> type) {
		if (json == null) {
			throw new MalformedEventException("record has no value");
		}
		try {
			return MAPPER.readValue(json, type);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new MalformedEventException("payload is not a valid " + type.getSimpleName() + ": " + ex.getMessage(),
					ex);
		}
	}

}
