package com.shop.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last lines of a log file, to show why a process failed without opening the file.
 */
final class LogTail {

	private LogTail() {
	}

	static List<String> of(Path log, int lines) {
		if (!Files.isRegularFile(log)) {
			return List.of();
		}
		Deque<String> tail = new ArrayDeque<>(lines);
		// Lenient decoding: a log cut off mid-character must not hide the rest of it.
		try (Stream<String> all = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1).lines()) {
			all.forEach((line) -> {
				if (tail.size() == lines) {
					tail.removeFirst();
				}
				tail.addLast(line);
			});
		}
		catch (IOException ex) {
			return List.of("(could not read " + log + ": " + ex.getMessage() + ")");
		}
		return List.copyOf(tail);
	}

	static String format(String title, Path log, int lines) {
		StringBuilder text = new StringBuilder(title).append('\n');
		of(log, lines).forEach((line) -> text.append("  | ").append(line).append('\n'));
		return text.toString();
	}

}
