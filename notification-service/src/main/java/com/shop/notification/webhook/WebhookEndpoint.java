package com.shop.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A receiver of order events: where they go, which types it wants, and the secret(s) that
 * sign them. An endpoint that answers 410 Gone is disabled and gets nothing more.
 */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint {

	/** Subscribes to every event type. */
	static final String ALL = "*";

	private static final int MAX_REASON_LENGTH = 500;

	@Id
	private UUID id;

	private String url;

	private String eventTypes;

	private String description;

	@Convert(converter = SecretCipher.class)
	private String secret;

	@Convert(converter = SecretCipher.class)
	private String previousSecret;

	private Instant previousSecretExpiresAt;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String disabledReason;

	private Instant createdAt;

	protected WebhookEndpoint() {
	}

	private WebhookEndpoint(String url, Set<String> eventTypes, String description) {
		this.id = UUID.randomUUID();
		this.url = url;
		this.eventTypes = eventTypes.contains(ALL) ? ALL : String.join(" ", eventTypes);
		this.description = description;
		this.secret = WebhookSignature.newSecret();
		this.status = Status.ACTIVE;
		this.createdAt = Instant.now();
	}

	static WebhookEndpoint register(String url, Set<String> eventTypes, String description) {
		return new WebhookEndpoint(url, eventTypes, description);
	}

	boolean subscribesTo(String eventType) {
		return this.status == Status.ACTIVE
				&& (ALL.equals(this.eventTypes) || Arrays.asList(this.eventTypes.split(" ")).contains(eventType));
	}

	/** Replaces the secret; the previous one keeps signing until the grace ends. */
	String rotateSecret(Duration grace) {
		this.previousSecret = this.secret;
		this.previousSecretExpiresAt = Instant.now().plus(grace);
		this.secret = WebhookSignature.newSecret();
		return this.secret;
	}

	void disable(String reason) {
		this.status = Status.DISABLED;
		this.disabledReason = (reason.length() > MAX_REASON_LENGTH) ? reason.substring(0, MAX_REASON_LENGTH) : reason;
	}

	UUID id() {
		return this.id;
	}

	String url() {
		return this.url;
	}

	List<String> eventTypes() {
		return List.of(this.eventTypes.split(" "));
	}

	String description() {
		return this.description;
	}

	String secret() {
		return this.secret;
	}

	Status status() {
		return this.status;
	}

	String disabledReason() {
		return this.disabledReason;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	/** Whether the endpoint gets events. */
	enum Status {

		ACTIVE, DISABLED

	}

}
