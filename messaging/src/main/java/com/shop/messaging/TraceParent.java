package com.shop.messaging;

import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * W3C trace context for events. An event published while a span is current (the REST
 * request's, or the one opened for a consumed event) carries that span as its parent, so
 * one order is one trace across every service. Without a tracer it falls back to the
 * envelope: an event caused by a consumed event continues its trace with a new span id;
 * any other starts a trace.
 */
final class TraceParent {

	private static final String ZEROS = "0000000000000000";

	private TraceParent() {
	}

	/** The traceparent of an event published now on this thread. */
	static String current(Tracer tracer) {
		Span span = tracer.currentSpan();
		if (span != null && !span.isNoop()) {
			return of(span.context());
		}
		return childOf(InboundEvents.currentTraceparent());
	}

	static String of(TraceContext context) {
		String traceId = context.traceId();
		// a 64-bit id (from a B3 parent) is the low half of a W3C id
		if (traceId.length() == 16) {
			traceId = ZEROS + traceId;
		}
		String flags = Boolean.FALSE.equals(context.sampled()) ? "00" : "01";
		return "00-" + traceId + "-" + context.spanId() + "-" + flags;
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
