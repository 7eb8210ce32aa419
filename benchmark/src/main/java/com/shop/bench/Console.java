package com.shop.bench;

/** Progress lines on standard error, so that standard output holds the report table. */
final class Console {

	private Console() {
	}

	static void say(String format, Object... args) {
		System.err.println("[bench] " + String.format(format, args));
	}

}
