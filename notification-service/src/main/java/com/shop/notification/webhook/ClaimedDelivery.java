package com.shop.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A delivery this instance holds the lease of, with what it takes to send it.
 *
 * @param id the delivery id, also the {@code webhook-id} receivers deduplicate on
 * @param endpointId its endpoint
 * @param url where it goes
 * @param eventType the event's {@code ce_type}
 * @param orderId the order it is about
 * @param eventTime when the event happened
 * @param body the exact body every attempt sends
 * @param traceparent the trace of the event that queued it, for the outcome's event
 * @param attempts attempts before this one
 * @param secret the endpoint's secret
 * @param previousSecret the secret before the last rotation, or {@code null}
 * @param previousSecretExpiresAt until when the previous secret still signs
 */
record ClaimedDelivery(UUID id, UUID endpointId, String url, String eventType, UUID orderId, Instant eventTime,
		String body, String traceparent, int attempts, String secret, String previousSecret,
		Instant previousSecretExpiresAt) {

	/** The secrets that sign at that moment, the current one first. */
	List<String> signingSecrets(Instant at) {
		List<String> secrets = new ArrayList<>(List.of(this.secret));
		if (this.previousSecret != null && this.previousSecretExpiresAt.isAfter(at)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

}
