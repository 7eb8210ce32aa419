package com.shop.stack;

/** A start-up failure with a message meant for the developer at the terminal. */
class StackException extends Exception {

	StackException(String message) {
		super(message);
	}

	StackException(String message, Throwable cause) {
		super(message + ": " + cause.getMessage(), cause);
	}

}
