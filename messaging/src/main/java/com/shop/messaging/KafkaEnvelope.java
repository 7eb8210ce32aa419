package com.shop.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.shop.events.Envelope;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads and writes the CloudEvents envelope as Kafka record headers. */
public final class KafkaEnvelope {

	private KafkaEnvelope() {
	}

	public static void write(Envelope envelope, Headers headers) {
		envelope.toHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * @throws com.shop.events.MalformedEventException when a required header is missing
	 */
	public static Envelope read(Headers headers) {
		return Envelope.fromHeaders(asMap(headers));
	}

	/** All headers as text; the last value wins where a header repeats. */
	public static Map<String, String> asMap(Headers headers) {
		Map<String, String> map = new HashMap<>();
		for (Header header : headers) {
			if (header.value() != null) {
				map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return map;
	}

}
