package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The order's amount could not be charged. */
public record PaymentFailed(UUID orderId, PaymentFailureReason reason, String detail) implements PaymentEvent {

	public PaymentFailed {
		requireNonNull(orderId, "orderId");
		requireNonNull(reason, "reason");
	}

}
