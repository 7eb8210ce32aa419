package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** Stock is held for the order; payment-service is asked to charge it. */
public record PaymentRequested(UUID orderId, String customerId, Money amount,
		String paymentMethod) implements OrderEvent {

	public PaymentRequested {
		requireNonNull(orderId, "orderId");
		requireNonNull(customerId, "customerId");
		requireNonNull(amount, "amount");
		requireNonNull(paymentMethod, "paymentMethod");
	}

}
