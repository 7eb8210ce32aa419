package com.shop.stack;

/** A command line that does not make sense; the message says what is wrong. */
final class UsageException extends Exception {

	UsageException(String message) {
		super(message);
	}

}
