package com.shop.stack;

/** The launcher's own progress lines, set apart from the libraries' logging. */
final class Console {

	private Console() {
	}

	static void say(String line) {
		System.out.println("[stack] " + line);
	}

	static void warn(String line) {
		System.out.println("[stack] WARNING: " + line);
	}

}
