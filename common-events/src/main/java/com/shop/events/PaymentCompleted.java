package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** The order's amount was charged. */
public record PaymentCompleted(UUID orderId, UUID paymentId, Money amount) implements PaymentEvent {

	public PaymentCompleted {
		requireNonNull(orderId, "orderId");
		requireNonNull(paymentId, "paymentId");
		requireNonNull(amount, "amount");
	}

}
