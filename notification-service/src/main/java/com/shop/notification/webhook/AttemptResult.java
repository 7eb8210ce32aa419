package com.shop.notification.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * What one attempt to send a delivery got: the receiver's status, or the error that kept
 * it from answering.
 *
 * @param attemptedAt when the attempt started
 * @param statusCode the receiver's HTTP status, or {@code null} when it did not answer
 * @param latencyMs how long the attempt took
 * @param responseSnippet the start of the response body, or {@code null}
 * @param error why the attempt failed before a status, or {@code null}
 * @param retryAfter the receiver's {@code Retry-After}, or {@code null}
 */
record AttemptResult(Instant attemptedAt, Integer statusCode, long latencyMs, String responseSnippet, String error,
		Duration retryAfter) {

	/** How a delivery goes on after the attempt. */
	enum Outcome {

		/** A 2xx. */
		SUCCEEDED,
		/** 410: the receiver does not want webhooks any more. */
		GONE,
		/** No answer, 429 or 5xx: worth another attempt. */
		TRANSIENT,
		/** Any other status: the receiver refuses this delivery. */
		REFUSED

	}

	Outcome outcome() {
		if (this.statusCode == null) {
			return Outcome.TRANSIENT;
		}
		int status = this.statusCode;
		if (status >= 200 && status < 300) {
			return Outcome.SUCCEEDED;
		}
		if (status == 410) {
			return Outcome.GONE;
		}
		if (status == 429 || status >= 500) {
			return Outcome.TRANSIENT;
		}
		return Outcome.REFUSED;
	}

}
