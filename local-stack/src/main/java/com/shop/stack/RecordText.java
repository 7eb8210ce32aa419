package com.shop.stack;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys, values and header values of records as a terminal can show them: JSON pretty
 * printed, anything long cut short with a note of how much was left out, bytes that are
 * not UTF-8 as hex.
 */
final class RecordText {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_VALUE_LINES = 30;

	private static final int MAX_VALUE_CHARS = 2000;

	private static final int HEX_BYTES = 32;

	private RecordText() {
	}

	/**
	 * A value, over several lines where it is JSON, cut after 30 lines or 2000
	 * characters.
	 */
	static String value(byte[] value) {
		return value(value, MAX_VALUE_LINES, MAX_VALUE_CHARS);
	}

	/**
	 * A value, over several lines where it is JSON, cut after {@code maxLines} lines or
	 * {@code maxChars} characters.
	 */
	static String value(byte[] value, int maxLines, int maxChars) {
		if (value == null) {
			return "(null)";
		}
		if (value.length == 0) {
			return "(empty)";
		}
		String text = utf8(value);
		if (text == null) {
			return binary(value);
		}
		String shown = prettyJson(text);
		return cut((shown != null) ? shown : printable(text), maxLines, maxChars);
	}

	/** An instant to the millisecond in UTC, e.g. {@code 2026-11-30T03:23:55.329Z}. */
	static String time(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

	/** {@code 1 record}, {@code 2 records}. */
	static String count(long records) {
		return records + ((records == 1) ? " record" : " records");
	}

	/** Text on one line of at most {@code max} characters. */
	static String oneLine(String text, int max) {
		if (text == null) {
			return null;
		}
		String line = printable(text).strip().replaceAll("\\s+", " ");
		return (line.length() <= max) ? line : line.substring(0, max - 3) + "...";
	}

	/** A key or header value on one line. */
	static String oneLine(byte[] bytes, int max) {
		if (bytes == null) {
			return "(null)";
		}
		String text = utf8(bytes);
		return (text != null) ? oneLine(text, max) : binary(bytes);
	}

	/** Control characters (other than line ends and tabs) would garble the terminal. */
	private static String printable(String text) {
		return text.replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", "?");
	}

	private static String prettyJson(String text) {
		String trimmed = text.strip();
		if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
			return null;
		}
		try {
			JsonNode tree = JSON.readTree(trimmed);
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String cut(String text, int maxLines, int maxChars) {
		String[] lines = text.split("\n", -1);
		StringBuilder shown = new StringBuilder();
		int count = 0;
		for (String line : lines) {
			if (count == maxLines || shown.length() + line.length() > maxChars) {
				break;
			}
			shown.append((count == 0) ? "" : "\n").append(line);
			count++;
		}
		if (count == lines.length) {
			return shown.toString();
		}
		if (count == 0) {
			shown.append(lines[0], 0, maxChars);
		}
		return shown + "\n... (cut, " + text.length() + " characters in all)";
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static String binary(byte[] bytes) {
		int shown = Math.min(bytes.length, HEX_BYTES);
		return "(" + bytes.length + " bytes, not UTF-8) " + HexFormat.of().formatHex(bytes, 0, shown)
				+ ((shown < bytes.length) ? "..." : "");
	}

}
