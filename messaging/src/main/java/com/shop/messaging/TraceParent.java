package com.shop.messaging;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace context for events: an event caused by a consumed event continues its trace
 * with a new span id; an event caused by a request starts a trace.
 */
final class TraceParent {

	private TraceParent() {
	}

	static String childOf(String parent) {
		if (parent != null && parent.length() == 55 && parent.startsWith("00-")) {
			return "00-" + parent.substring(3, 35) + "-" + randomHex(16) + "-01";
		}
		return "00-" + randomHex(32) + "-" + randomHex(16) + "-01";
	}

	private static String randomHex(int digits) {
		StringBuilder hex = new StringBuilder(digits);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (hex.length() < digits) {
			hex.append(String.format("%016x", random.nextLong()));
		}
		return hex.substring(0, digits);
	}

}
