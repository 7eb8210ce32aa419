package com.shop.payment.gateway;

import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.PaymentFailureReason;
import com.shop.payment.ChargeResult;
import com.shop.payment.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The default gateway: a deterministic simulator for demos and tests. Above the limit
 * every charge fails with {@code LIMIT_EXCEEDED}; below it {@code tok_visa} is approved
 * and every other method declined. Refunds always succeed.
 */
@Component
class PaymentSimulator implements PaymentGateway {

	static final String VISA = "tok_visa";

	static final String DECLINED_CARD = "tok_chargeDeclined";

	private static final Logger log = LoggerFactory.getLogger(PaymentSimulator.class);

	private final SimulatorProperties properties;

	PaymentSimulator(SimulatorProperties properties) {
		this.properties = properties;
	}

	@Override
	public ChargeResult charge(UUID orderId, Money amount, String paymentMethod) {
		if (amount.isGreaterThan(this.properties.limit())) {
			return ChargeResult.failed(PaymentFailureReason.LIMIT_EXCEEDED,
					"amount " + amount + " exceeds the limit of " + this.properties.limit().toPlainString());
		}
		if (VISA.equals(paymentMethod)) {
			return ChargeResult.approved(chargeReference(orderId));
		}
		if (DECLINED_CARD.equals(paymentMethod)) {
			return ChargeResult.failed(PaymentFailureReason.DECLINED, "the card was declined");
		}
		return ChargeResult.failed(PaymentFailureReason.DECLINED, "unknown payment method " + paymentMethod);
	}

	@Override
	public void refund(UUID orderId, String reference, Money amount) {
		log.info("Simulated refund of {} for order {} (charge {})", amount, orderId, reference);
	}

	/** Derived from the order, so the same order always gets the same charge id. */
	private static String chargeReference(UUID orderId) {
		return "sim_ch_" + orderId.toString().replace("-", "");
	}

}
