package com.shop.notification.webhook;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery whose attempt failed is tried again: after the schedule's delay for
 * that attempt, randomly stretched or shortened by the jitter, and not before the
 * receiver's {@code Retry-After}, which is capped at the longest delay of the schedule so
 * that a receiver cannot park a delivery for ever.
 */
class RetrySchedule {

	private final List<Duration> delays;

	private final Duration longest;

	private final double jitter;

	private final DoubleSupplier random;

	RetrySchedule(List<Duration> delays, double jitter, DoubleSupplier random) {
		this.delays = List.copyOf(delays);
		this.longest = Collections.max(delays);
		this.jitter = jitter;
		this.random = random;
	}

	/**
	 * The delay before the next attempt after {@code attempts} attempts, or empty when
	 * the schedule is over.
	 */
	Optional<Duration> delayAfter(int attempts, Duration retryAfter) {
		if (attempts < 1 || attempts > this.delays.size()) {
			return Optional.empty();
		}
		Duration planned = this.delays.get(attempts - 1);
		long millis = Math.round(planned.toMillis() * (1 + this.jitter * (2 * this.random.getAsDouble() - 1)));
		Duration delay = Duration.ofMillis(Math.max(0, millis));
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = (retryAfter.compareTo(this.longest) > 0) ? this.longest : retryAfter;
		}
		return Optional.of(delay);
	}

}
