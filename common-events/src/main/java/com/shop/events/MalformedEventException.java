package com.shop.events;

/**
 * A record that can never be processed, however often it is retried: missing or invalid
 * CloudEvents headers, or a payload that does not match its type.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
