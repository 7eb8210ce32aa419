package com.shop.payment;

import java.util.UUID;

import com.shop.events.Money;

/**
 * The payment provider, seen from this service. A refused charge is an answer, not an
 * exception; an exception means the gateway could not be asked, and the event that led
 * here is retried. Implementations should treat {@code orderId} as the idempotency key of
 * a charge, so that a retry after a lost answer does not charge twice.
 */
public interface PaymentGateway {

	ChargeResult charge(UUID orderId, Money amount, String paymentMethod);

	/**
	 * Pays back a charge in full.
	 * @param reference the gateway's id of the charge, as returned when it was approved
	 */
	void refund(UUID orderId, String reference, Money amount);

}
