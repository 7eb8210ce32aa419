package com.shop.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.shop.events.Channel;
import com.shop.events.NotificationSent;
import com.shop.messaging.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each attempt and what follows from it, in one short transaction after the send:
 * a 2xx makes the delivery SUCCEEDED and publishes {@link NotificationSent}; 410 disables
 * the endpoint and fails its pending deliveries; no answer, 429 or 5xx schedules the next
 * attempt until the schedule ends; any other status fails the delivery. Counts outcomes
 * as {@code shop.webhooks.deliveries{outcome}}.
 */
@Component
class DeliveryLog {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

	private final DeliveryQueue queue;

	private final WebhookEndpointRepository endpoints;

	private final RetrySchedule schedule;

	private final EventPublisher events;

	private final MeterRegistry meters;

	private final Subscriptions subscriptions;

	DeliveryLog(DeliveryQueue queue, WebhookEndpointRepository endpoints, Subscriptions subscriptions,
			RetrySchedule schedule, EventPublisher events, MeterRegistry meters) {
		this.queue = queue;
		this.endpoints = endpoints;
		this.subscriptions = subscriptions;
		this.schedule = schedule;
		this.events = events;
		this.meters = meters;
	}

	@Transactional
	void attempted(ClaimedDelivery delivery, AttemptResult attempt) {
		Optional<Integer> previousAttempts = this.queue.lock(delivery.id());
		if (previousAttempts.isEmpty()) {
			log.info("Webhook delivery {} was deleted with its endpoint while being sent", delivery.id());
			return;
		}
		this.queue.logAttempt(delivery.id(), attempt);
		int attempts = previousAttempts.get() + 1;
		Instant now = Instant.now();
		switch (attempt.outcome()) {
			case SUCCEEDED -> succeeded(delivery, attempt, now);
			case GONE -> gone(delivery, attempt, now);
			case TRANSIENT -> retryOrFail(delivery, attempt, attempts, now);
			case REFUSED -> failed(delivery, attempt, "refused with " + attempt.statusCode());
		}
	}

	private void succeeded(ClaimedDelivery delivery, AttemptResult attempt, Instant now) {
		this.queue.attempted(delivery.id(), DeliveryStatus.SUCCEEDED, null, attempt.attemptedAt());
		if (delivery.orderId() != null) {
			this.events.publishAfter(
					new NotificationSent(delivery.orderId(), Channel.WEBHOOK, delivery.url(), delivery.eventType()),
					delivery.traceparent());
		}
		count("succeeded");
		Timer.builder("shop.webhooks.delivery.lag")
			.description("From the event's time to its receiver's 2xx")
			.register(this.meters)
			.record(Duration.between(delivery.eventTime(), now));
	}

	private void gone(ClaimedDelivery delivery, AttemptResult attempt, Instant now) {
		this.queue.attempted(delivery.id(), DeliveryStatus.FAILED, null, attempt.attemptedAt());
		this.endpoints.findById(delivery.endpointId()).ifPresent((endpoint) -> {
			endpoint.disable("the endpoint answered 410 Gone at " + now);
			this.subscriptions.changed();
			int failed = this.queue.failPending(endpoint.id());
			log.warn("Webhook endpoint {} ({}) answered 410 Gone: disabled, {} pending deliveries failed",
					endpoint.id(), endpoint.url(), failed);
		});
		count("failed");
	}

	private void retryOrFail(ClaimedDelivery delivery, AttemptResult attempt, int attempts, Instant now) {
		Optional<Duration> delay = this.schedule.delayAfter(attempts, attempt.retryAfter());
		if (delay.isEmpty()) {
			failed(delivery, attempt, "the retry schedule is over after " + attempts + " attempts");
			return;
		}
		this.queue.attempted(delivery.id(), DeliveryStatus.PENDING, now.plus(delay.get()), attempt.attemptedAt());
		count("retried");
	}

	private void failed(ClaimedDelivery delivery, AttemptResult attempt, String why) {
		this.queue.attempted(delivery.id(), DeliveryStatus.FAILED, null, attempt.attemptedAt());
		log.warn("Webhook delivery {} to {} failed: {}", delivery.id(), delivery.url(), why);
		count("failed");
	}

	private void count(String outcome) {
		Counter.builder("shop.webhooks.deliveries")
			.description("Webhook attempts by outcome: succeeded, retried (another attempt follows) or failed")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
