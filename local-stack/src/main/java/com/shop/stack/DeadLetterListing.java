package com.shop.stack;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

	private static final String INDENT = "  %-10s";

	private static final String CONTINUED = " ".repeat(12);

	private DeadLetterListing() {
	}

	static String summary(String bootstrapServers, Map<String, List<DeadLetter>> byTopic) {
		StringBuilder text = new StringBuilder("Dead letters on " + bootstrapServers + "\n");
		if (byTopic.isEmpty()) {
			return text.append("  no *.DLT topics (they are created when a service that consumes starts)\n").toString();
		}
		int width = byTopic.keySet().stream().mapToInt(String::length).max().orElse(0);
		byTopic.forEach((topic, letters) -> text
			.append(String.format("  %-" + width + "s  %s%n", topic, count(letters.size()))));
		return text.toString();
	}

	/** The heading of one topic's records, saying when only the newest are shown. */
	static String heading(String topic, int total, int shown) {
		String heading = "=== " + topic + ": " + count(total);
		if (shown < total) {
			heading += ", showing the newest " + shown + " (--limit N for more)";
		}
		return "\n" + heading + " ===\n";
	}

	static String describe(DeadLetter letter) {
		StringBuilder text = new StringBuilder("\n");
		text.append(letter.topic())
			.append(' ')
			.append(letter.position())
			.append("  from ")
			.append(letter.originalTopic())
			.append(' ')
			.append(orMissing(letter.originalPartition()))
			.append(':')
			.append(orMissing(letter.originalOffset()))
			.append("  group ")
			.append(orMissing(letter.consumerGroup()))
			.append('\n');
		field(text, "time", "dead-lettered " + time(letter.timestamp()) + ", first written "
				+ orMissing(time(letter.originalTimestamp())));
		field(text, "key", RecordText.oneLine(letter.key(), WIDTH));
		field(text, "ce_type", orMissing(letter.text("ce_type")));
		field(text, "ce_id", orMissing(letter.text("ce_id")));
		field(text, "error", error(letter));
		field(text, "headers", headers(letter));
		field(text, "value", RecordText.value(letter.value()));
		return text.toString();
	}

	private static String error(DeadLetter letter) {
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
			if (text.length() > lineStart && text.length() - lineStart + item.length() > WIDTH - CONTINUED.length()) {
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

	private static void field(StringBuilder text, String name, String value) {
		text.append(String.format(INDENT, name)).append(value.replace("\n", "\n" + CONTINUED)).append('\n');
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

	private static String count(int records) {
		return records + ((records == 1) ? " record" : " records");
	}

	private static String orMissing(Object value) {
		return (value != null) ? value.toString() : MISSING;
	}

}
