package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A completed payment was paid back. */
public record PaymentRefunded(UUID orderId, UUID paymentId, Money amount) implements PaymentEvent {

	public PaymentRefunded {
		requireNonNull(orderId, "orderId");
		requireNonNull(paymentId, "paymentId");
		requireNonNull(amount, "amount");
	}

}
