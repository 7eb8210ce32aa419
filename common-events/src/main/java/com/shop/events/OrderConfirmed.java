package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** The order was paid and its stock is committed: a terminal state. */
public record OrderConfirmed(UUID orderId, UUID paymentId, Instant confirmedAt) implements OrderEvent {

	public OrderConfirmed {
		requireNonNull(orderId, "orderId");
		requireNonNull(paymentId, "paymentId");
		requireNonNull(confirmedAt, "confirmedAt");
	}

}
