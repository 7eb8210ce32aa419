package com.shop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the child JVMs: the launcher's own {@code java}, started through
 * {@code setsid} where it exists so that Ctrl-C in the terminal reaches only the
 * launcher, which then stops the children in order (services before the broker and the
 * database).
 */
final class JavaCommand {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private JavaCommand() {
	}

	static List<String> of(List<String> arguments) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			command.add(SETSID.toString());
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		return command;
	}

	/** The launcher's classpath, which also holds the Kafka broker and its tools. */
	static String classpath() {
		return System.getProperty("java.class.path");
	}

}
