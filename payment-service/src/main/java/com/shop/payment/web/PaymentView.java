package com.shop.payment.web;

import java.time.Instant;
import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.PaymentFailureReason;
import com.shop.payment.Payment;
import com.shop.payment.PaymentStatus;

/**
 * A payment as the API shows it.
 *
 * @param reason why the charge failed, {@code null} unless {@code FAILED}
 */
record PaymentView(UUID paymentId, UUID orderId, PaymentStatus status, Money amount, PaymentFailureReason reason,
		Instant createdAt) {

	static PaymentView of(Payment payment) {
		return new PaymentView(payment.paymentId(), payment.orderId(), payment.status(), payment.amount(),
				payment.reason(), payment.createdAt());
	}

}
