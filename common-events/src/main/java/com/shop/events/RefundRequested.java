package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A payment completed for an order that was already cancelled; it must be paid back. */
public record RefundRequested(UUID orderId, UUID paymentId, Money amount, String reason) implements OrderEvent {

	public RefundRequested {
		requireNonNull(orderId, "orderId");
		requireNonNull(paymentId, "paymentId");
		requireNonNull(amount, "amount");
	}

}
