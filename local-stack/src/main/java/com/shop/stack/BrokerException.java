package com.shop.stack;

/**
 * The Kafka broker could not be used (it did not answer in time, or refused), or does not
 * hold what was asked for; the message says which broker and why, for the developer at
 * the terminal.
 */
class BrokerException extends Exception {

	BrokerException(String message) {
		super(message);
	}

}
