package com.shop.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The words of a command line, taken one at a time. An option takes its value as
 * {@code --name value} or {@code --name=value}.
 */
final class Arguments {

	private final Deque<String> rest;

	Arguments(List<String> args) {
		this.rest = new ArrayDeque<>(args);
	}

	boolean hasNext() {
		return !this.rest.isEmpty();
	}

	String next() {
		return this.rest.removeFirst();
	}

	/** The option's name without an {@code =value}. */
	static String name(String arg) {
		return arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
	}

	/** The value of the option just taken: after its {@code =}, else the next word. */
	String value(String arg) throws UsageException {
		if (arg.contains("=")) {
			return arg.substring(arg.indexOf('=') + 1);
		}
		if (this.rest.isEmpty() || this.rest.peekFirst().startsWith("--")) {
			throw new UsageException(arg + " needs a value.");
		}
		return this.rest.removeFirst();
	}

	/** A number of records: zero or more. */
	static int count(String option, String value) throws UsageException {
		try {
			int count = Integer.parseInt(value);
			if (count >= 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(option + " needs a number of records, not " + value + ".");
	}

}
