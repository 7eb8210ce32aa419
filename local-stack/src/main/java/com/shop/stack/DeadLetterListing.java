package com.shop.stack;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;

/**
 * What {@code ./stack dlt list} prints: a count per dead-letter topic, then each record
 * with where it came from, which consumer group gave up on it, why, and its headers, key
 * and value.
 */
final class DeadLetterListing {

	static final String MISSING = "missing";

	private static final int WIDTH = 100;

	/** spring-kafka's wrapper names the listener method before the cause's message. */
	private static final Pattern LISTENER_BOILERPLATE = Pattern.compile("^Listener method '[^']*' threw exception; ");

	private static final int LABEL_WIDTH = 10;

	private DeadLetterListing() {
	}

	static String summary(String bootstrapServers, Map<String, List<DeadLetter>> byTopic) {
		StringBuilder text = new StringBuilder("Dead letters on " + bootstrapServers + "\n");
		if (byTopic.isEmpty()) {
			return text.append("  no *.DLT topics (they are created when a service that consumes starts)\n").toString();
		}
		int width = byTopic.keySet().stream().mapToInt(String::length).max().orElse(0);
		byTopic.forEach((topic, letters) -> text
			.append(String.format("  %-" + width + "s  %s%n", topic, RecordText.count(letters.size()))));
		return text.toString();
	}

	/** The heading of one topic's records, saying when only the newest are shown. */
	static String heading(String topic, int total, int shown) {
		String heading = "=== " + topic + ": " + RecordText.count(total);
		if (shown < total) {
			heading += ", showing the newest " + shown + " (--limit N for more)";
		}
		return "\n" + heading + " ===\n";
	}

	static String describe(DeadLetter letter) {
		TopicRecord record = letter.record();
		String heading = letter.topic() + " " + letter.position() + "  from " + letter.originalTopic() + " "
				+ orMissing(letter.originalPartition()) + ":" + orMissing(letter.originalOffset()) + "  group "
				+ orMissing(letter.consumerGroup());
		return new RecordBlock(heading, LABEL_WIDTH)
			.field("time",
					"dead-lettered " + RecordText.time(record.timestamp()) + ", first written "
							+ orMissing(RecordText.time(letter.originalTimestamp())))
			.field("key", RecordText.oneLine(record.key(), WIDTH))
			.field("ce_type", orMissing(letter.text("ce_type")))
			.field("ce_id", orMissing(letter.text("ce_id")))
			.field("error", error(letter))
			.field("headers", headers(letter))
			.field("value", RecordText.value(record.value()))
			.toString();
	}

	/** Which exception made the consumer give up, and its message, on one line. */
	static String error(DeadLetter letter) {
		String type = letter.exceptionClass();
		String message = letter.exceptionMessage();
		if (message != null) {
			message = RecordText.oneLine(LISTENER_BOILERPLATE.matcher(message).replaceFirst(""), 300);
		}
		if (type == null && message == null) {
			return "(no kafka_dlt-exception-* headers)";
		}
		return orMissing(type) + ": " + orMissing(message);
	}

	/** The original headers other than the two shown above, wrapped. */
	private static String headers(DeadLetter letter) {
		StringBuilder text = new StringBuilder();
		int lineStart = 0;
		for (Header header : letter.originalHeaders()) {
			if (header.key().equals("ce_type") || header.key().equals("ce_id")) {
				continue;
			}
			String item = header.key() + "=" + RecordText.oneLine(header.value(), 80);
			if (text.length() > lineStart && text.length() - lineStart + item.length() > WIDTH - LABEL_WIDTH - 2) {
				text.append('\n');
				lineStart = text.length();
			}
			else if (text.length() > lineStart) {
				text.append("  ");
			}
			text.append(item);
		}
		return (text.length() > 0) ? text.toString() : "(none)";
	}

	private static String orMissing(Object value) {
		return (value != null) ? value.toString() : MISSING;
	}

}
