package com.shop.stack;

import java.util.Locale;

/** Elapsed time as the launcher prints it, e.g. {@code 2.4 s}. */
final class Elapsed {

	private Elapsed() {
	}

	static String since(long startNanos) {
		return seconds(System.nanoTime() - startNanos);
	}

	static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

}
