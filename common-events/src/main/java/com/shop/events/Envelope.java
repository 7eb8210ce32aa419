package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The CloudEvents attributes of one event, carried in Kafka headers (binary content
 * mode); the record value is the payload as JSON. {@code id} is unique per event and is
 * what consumers deduplicate on.
 *
 * @param id unique per event ({@code ce_id})
 * @param source the emitting service, e.g. {@code /order-service} ({@code ce_source})
 * @param type the logical type name, e.g. {@code shop.order.placed.v1} ({@code ce_type})
 * @param time when the event happened ({@code ce_time})
 * @param subject the orderId or sku ({@code ce_subject})
 * @param traceparent W3C trace context, or {@code null}
 */
public record Envelope(UUID id, String source, String type, Instant time, String subject, String traceparent) {

	public static final String SPECVERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	public static final String TRACEPARENT = "traceparent";

	private static final String JSON = "application/json";

	public Envelope {
		requireNonNull(id, "id");
		requireNonNull(source, "source");
		requireNonNull(type, "type");
		requireNonNull(time, "time");
		requireNonNull(subject, "subject");
	}

	/** A new envelope for an event emitted now. */
	public static Envelope create(String source, EventType type, String subject, String traceparent) {
		return new Envelope(Ids.next(), source, type.typeName(), Instant.now(), subject, traceparent);
	}

	/** The headers to write, in a stable order. */
	public Map<String, String> toHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(SPECVERSION, "1.0");
		headers.put(ID, this.id.toString());
		headers.put(SOURCE, this.source);
		headers.put(TYPE, this.type);
		headers.put(TIME, this.time.toString());
		headers.put(SUBJECT, this.subject);
		headers.put(CONTENT_TYPE, JSON);
		if (this.traceparent != null) {
			headers.put(TRACEPARENT, this.traceparent);
		}
		return headers;
	}

	/**
	 * Reads the envelope from record headers.
	 * @throws MalformedEventException when a required attribute is missing or invalid
	 */
	public static Envelope fromHeaders(Map<String, String> headers) {
		String specversion = required(headers, SPECVERSION);
		if (!"1.0".equals(specversion)) {
			throw new MalformedEventException("unsupported " + SPECVERSION + ": " + specversion);
		}
		try {
			return new Envelope(UUID.fromString(required(headers, ID)), required(headers, SOURCE),
					required(headers, TYPE), Instant.parse(required(headers, TIME)), required(headers, SUBJECT),
					headers.get(TRACEPARENT));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new MalformedEventException("invalid CloudEvents header: " + ex.getMessage(), ex);
		}
	}

	private static String required(Map<String, String> headers, String name) {
		String value = headers.get(name);
		if (value == null || value.isBlank()) {
			throw new MalformedEventException("missing header " + name);
		}
		return value;
	}

}
