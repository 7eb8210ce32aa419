package com.shop.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The request and response bodies of the webhook API. */
final class WebhookViews {

	private WebhookViews() {
	}

	/** A new endpoint: where, which event types ({@code *} for all), and a note. */
	record RegisterWebhook(@NotBlank @Size(max = 2000) String url,
			@NotEmpty @Size(max = 20) List<@NotNull @NotBlank String> eventTypes, @Size(max = 500) String description) {
	}

	/** A registered endpoint, with its secret: shown only once, at registration. */
	record RegisteredWebhook(UUID id, String secret, String url, List<String> eventTypes, String description,
			WebhookEndpoint.Status status, Instant createdAt) {

		static RegisteredWebhook of(WebhookEndpoint endpoint) {
			return new RegisteredWebhook(endpoint.id(), endpoint.secret(), endpoint.url(), endpoint.eventTypes(),
					endpoint.description(), endpoint.status(), endpoint.createdAt());
		}

	}

	/** An endpoint without its secret. */
	record WebhookView(UUID id, String url, List<String> eventTypes, String description, WebhookEndpoint.Status status,
			String disabledReason, Instant createdAt) {

		static WebhookView of(WebhookEndpoint endpoint) {
			return new WebhookView(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.description(),
					endpoint.status(), endpoint.disabledReason(), endpoint.createdAt());
		}

	}

	/** A new secret, after a rotation. */
	record SecretView(UUID id, String secret) {
	}

	/** One delivery with its attempt log, oldest attempt first. */
	record DeliveryView(UUID id, UUID eventId, String eventType, UUID orderId, DeliveryStatus status, int attempts,
			Instant nextAttemptAt, Instant createdAt, Instant lastAttemptAt, List<AttemptView> attemptLog) {

		static DeliveryView of(DeliveryRecord delivery) {
			return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.orderId(),
					delivery.status(), delivery.attempts(),
					(delivery.status() == DeliveryStatus.PENDING) ? delivery.nextAttemptAt() : null,
					delivery.createdAt(), delivery.lastAttemptAt(),
					delivery.attemptLog().stream().map(AttemptView::of).toList());
		}

	}

	/** One attempt: the receiver's status and time, or the error. */
	record AttemptView(Instant attemptedAt, Integer statusCode, long latencyMs, String responseSnippet, String error) {

		static AttemptView of(AttemptResult attempt) {
			return new AttemptView(attempt.attemptedAt(), attempt.statusCode(), attempt.latencyMs(),
					attempt.responseSnippet(), attempt.error());
		}

	}

}
