package com.shop.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.shop.events.EventType;
import com.shop.events.Topics;
import com.shop.web.FieldError;
import com.shop.web.Problems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook use cases: registering endpoints (only http(s) targets that pass the SSRF
 * rules, for the order event types), removing them, rotating their secrets, and reading
 * or retrying their deliveries.
 */
@Service
class Webhooks {

	/**
	 * What an endpoint can subscribe to: the order events, or {@code *} for all of them.
	 */
	static final List<String> SUBSCRIBABLE = Stream
		.concat(Arrays.stream(EventType.values())
			.filter((type) -> Topics.ORDERS.equals(type.topic()))
			.map(EventType::typeName), Stream.of(WebhookEndpoint.ALL))
		.toList();

	private final WebhookEndpointRepository endpoints;

	private final DeliveryQueue queue;

	private final TargetGuard guard;

	private final DeliverySignal signal;

	private final WebhookSettings settings;

	private final Subscriptions subscriptions;

	Webhooks(WebhookEndpointRepository endpoints, DeliveryQueue queue, TargetGuard guard, DeliverySignal signal,
			WebhookSettings settings, Subscriptions subscriptions) {
		this.endpoints = endpoints;
		this.subscriptions = subscriptions;
		this.queue = queue;
		this.guard = guard;
		this.signal = signal;
		this.settings = settings;
	}

	/**
	 * @throws org.springframework.web.ErrorResponseException 400 for a malformed URL or
	 * unknown event types, 422 for a target the SSRF rules refuse
	 */
	@Transactional
	WebhookEndpoint register(String url, List<String> eventTypes, String description) {
		URI target;
		try {
			target = TargetGuard.parse(url);
		}
		catch (TargetGuard.InvalidTarget ex) {
			throw Problems.badRequest("The webhook URL " + ex.getMessage(),
					List.of(new FieldError("url", ex.getMessage())));
		}
		List<String> unknown = eventTypes.stream().filter((type) -> !SUBSCRIBABLE.contains(type)).toList();
		if (!unknown.isEmpty()) {
			String message = "unknown event types " + unknown + "; allowed: " + String.join(", ", SUBSCRIBABLE);
			throw Problems.badRequest("A webhook can subscribe to the order events only: " + message,
					List.of(new FieldError("eventTypes", message)));
		}
		try {
			this.guard.check(target);
		}
		catch (TargetGuard.RefusedTarget ex) {
			throw Problems.unprocessable("The webhook URL is refused: " + ex.getMessage(),
					List.of(new FieldError("url", ex.getMessage())));
		}
		Set<String> types = new LinkedHashSet<>(eventTypes);
		this.subscriptions.changed();
		return this.endpoints.save(WebhookEndpoint.register(url, types, description));
	}

	@Transactional(readOnly = true)
	List<WebhookEndpoint> all() {
		return this.endpoints.findAllByOrderByCreatedAtAsc();
	}

	@Transactional(readOnly = true)
	WebhookEndpoint find(UUID id) {
		return this.endpoints.findById(id).orElseThrow(() -> Problems.notFound("webhook", id));
	}

	/** Removes the endpoint with its deliveries; pending ones are never sent. */
	@Transactional
	void remove(UUID id) {
		this.endpoints.delete(find(id));
		this.subscriptions.changed();
	}

	/**
	 * @return the new secret
	 */
	@Transactional
	String rotateSecret(UUID id) {
		return find(id).rotateSecret(this.settings.rotationGrace());
	}

	@Transactional(readOnly = true)
	List<DeliveryRecord> deliveries(UUID id, int limit) {
		find(id);
		return this.queue.latest(id, limit);
	}

	/**
	 * Attempts the delivery again now, whatever its state.
	 * @throws org.springframework.web.ErrorResponseException 404 for an unknown endpoint
	 * or delivery, 409 when the endpoint is disabled
	 */
	@Transactional
	void retry(UUID id, UUID deliveryId) {
		if (find(id).status() == WebhookEndpoint.Status.DISABLED) {
			throw Problems.conflict("webhook " + id + " is disabled: nothing is sent to it");
		}
		if (!this.queue.retryNow(id, deliveryId, Instant.now())) {
			throw Problems.notFound("delivery", deliveryId);
		}
		this.signal.wakeUpAfterCommit();
	}

}
