package com.shop.payment;

import static java.util.Objects.requireNonNull;

import com.shop.events.PaymentFailureReason;

/**
 * What the gateway answered to a charge: approved with the gateway's reference of the
 * charge, or failed with a reason and a detail for humans.
 *
 * @param reference the gateway's id of the charge, when approved
 * @param reason why the charge failed, or {@code null} when approved
 * @param detail what the gateway said about the failure
 */
public record ChargeResult(String reference, PaymentFailureReason reason, String detail) {

	public static ChargeResult approved(String reference) {
		return new ChargeResult(requireNonNull(reference, "reference"), null, null);
	}

	public static ChargeResult failed(PaymentFailureReason reason, String detail) {
		return new ChargeResult(null, requireNonNull(reason, "reason"), detail);
	}

	public boolean isApproved() {
		return this.reason == null;
	}

}
