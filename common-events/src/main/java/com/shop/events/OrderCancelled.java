package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * The order will not be fulfilled: a terminal state. Any stock held for it is released.
 */
public record OrderCancelled(UUID orderId, CancellationReason reason, String detail,
		Instant cancelledAt) implements OrderEvent {

	public OrderCancelled {
		requireNonNull(orderId, "orderId");
		requireNonNull(reason, "reason");
		requireNonNull(cancelledAt, "cancelledAt");
	}

}
