package com.shop.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery as its log shows it, with every attempt, oldest first. */
record DeliveryRecord(UUID id, UUID eventId, String eventType, UUID orderId, DeliveryStatus status, int attempts,
		Instant nextAttemptAt, Instant createdAt, Instant lastAttemptAt, List<AttemptResult> attemptLog) {
}
