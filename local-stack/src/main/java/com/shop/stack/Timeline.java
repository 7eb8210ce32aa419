package com.shop.stack;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.shop.events.Envelope;
import com.shop.events.EventType;

/**
 * One order's records from every topic, in the order they were written: by record
 * timestamp, then by {@code ce_time} (finer, and set when the event happened) for records
 * of the same millisecond. Rendered one line each, with the time since the first, and a
 * last line saying how long the whole took and whether the order reached its end.
 */
final class Timeline {

	static final List<String> TERMINAL_TYPES = List.of(EventType.ORDER_CONFIRMED.typeName(),
			EventType.ORDER_CANCELLED.typeName());

	private static final Comparator<TopicRecord> WRITTEN_ORDER = Comparator.comparing(TopicRecord::timestamp)
		.thenComparing(Timeline::eventTime, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(TopicRecord.IN_TIME_ORDER);

	private static final int MAX_VALUE_LINES = 500;

	private static final int MAX_VALUE_CHARS = 50_000;

	private final List<TopicRecord> records;

	private Timeline(List<TopicRecord> records) {
		this.records = records;
	}

	/** The records in the order they were written; there must be at least one. */
	static Timeline of(Collection<TopicRecord> records) {
		if (records.isEmpty()) {
			throw new IllegalArgumentException("A timeline needs a record");
		}
		return new Timeline(records.stream().sorted(WRITTEN_ORDER).toList());
	}

	List<TopicRecord> records() {
		return this.records;
	}

	/** From the first record to the last. */
	Duration duration() {
		return Duration.between(first(), this.records.get(this.records.size() - 1).timestamp());
	}

	/**
	 * The first record that ends the order (confirmed or cancelled), or {@code null}.
	 * Copies on dead-letter topics do not count: their original is on the source topic.
	 */
	TopicRecord terminal() {
		return this.records.stream()
			.filter((record) -> !record.topic().endsWith(DeadLetter.SUFFIX))
			.filter((record) -> TERMINAL_TYPES.contains(record.text(Envelope.TYPE)))
			.findFirst()
			.orElse(null);
	}

	String render(boolean withValues) {
		int topicWidth = width(this.records.stream().map(TopicRecord::topic).toList());
		int sourceWidth = width(
				this.records.stream().map((record) -> orMissing(record.text(Envelope.SOURCE))).toList());
		int millisWidth = Long.toString(duration().toMillis()).length() + 1;
		String line = "%s  %" + millisWidth + "s ms  %-" + topicWidth + "s  %-" + sourceWidth + "s  %s%s%n";
		StringBuilder text = new StringBuilder();
		for (TopicRecord record : this.records) {
			text.append(String.format(line, RecordText.time(record.timestamp()), "+" + sinceFirst(record),
					record.topic(), orMissing(record.text(Envelope.SOURCE)), orMissing(record.text(Envelope.TYPE)),
					deadLetterNote(record)));
			if (withValues) {
				String value = RecordText.value(record.value(), MAX_VALUE_LINES, MAX_VALUE_CHARS);
				text.append("    ").append(value.replace("\n", "\n    ")).append('\n');
			}
		}
		return text.append(summary()).append('\n').toString();
	}

	/** How long it took, and whether the order reached its end. */
	String summary() {
		TopicRecord terminal = terminal();
		String summary = duration().toMillis() + " ms from the first to the last of "
				+ RecordText.count(this.records.size()) + "; ";
		if (terminal == null) {
			return summary + "no terminal event (" + String.join(" / ", TERMINAL_TYPES) + ") yet";
		}
		return summary + "terminal event " + terminal.text(Envelope.TYPE) + " at +" + sinceFirst(terminal) + " ms";
	}

	private Instant first() {
		return this.records.get(0).timestamp();
	}

	private long sinceFirst(TopicRecord record) {
		return Duration.between(first(), record.timestamp()).toMillis();
	}

	private static String deadLetterNote(TopicRecord record) {
		if (!record.topic().endsWith(DeadLetter.SUFFIX)) {
			return "";
		}
		String group = new DeadLetter(record).consumerGroup();
		return "  (dead letter: " + ((group != null) ? group : "a consumer") + " gave up)";
	}

	private static Instant eventTime(TopicRecord record) {
		String time = record.text(Envelope.TIME);
		try {
			return (time != null) ? Instant.parse(time) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int width(List<String> values) {
		return values.stream().mapToInt(String::length).max().orElse(0);
	}

	private static String orMissing(String value) {
		return (value != null) ? value : DeadLetterListing.MISSING;
	}

}
