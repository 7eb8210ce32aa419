package com.shop.payment;

import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.PaymentFailureReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTest {

	private final UUID orderId = UUID.randomUUID();

	private final Money amount = Money.of("19.98", "EUR");

	@Test
	void aCompletedPaymentKeepsTheAmountAndTheGatewayReference() {
		Payment payment = Payment.completed(this.orderId, this.amount, "sim_ch_1");

		assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
		assertThat(payment.orderId()).isEqualTo(this.orderId);
		assertThat(payment.paymentId()).isNotNull();
		assertThat(payment.amount()).isEqualTo(this.amount);
		assertThat(payment.gatewayReference()).isEqualTo("sim_ch_1");
		assertThat(payment.reason()).isNull();
		assertThat(payment.updatedAt()).isEqualTo(payment.createdAt());
		assertThat(payment.isNew()).isTrue();
	}

	@Test
	void aFailedPaymentKeepsWhyItFailed() {
		Payment payment = Payment.failed(this.orderId, this.amount, PaymentFailureReason.DECLINED, "declined");

		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.reason()).isEqualTo(PaymentFailureReason.DECLINED);
		assertThat(payment.detail()).isEqualTo("declined");
		assertThat(payment.isRefundable()).isFalse();
	}

	@Test
	void aCompletedPaymentCanBeRefundedOnce() {
		Payment payment = Payment.completed(this.orderId, this.amount, "sim_ch_1");
		assertThat(payment.isRefundable()).isTrue();

		payment.refund();

		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(payment.updatedAt()).isAfterOrEqualTo(payment.createdAt());
		assertThat(payment.isRefundable()).isFalse();
		assertThatIllegalStateException().isThrownBy(payment::refund);
		assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void aFailedPaymentCannotBeRefunded() {
		Payment payment = Payment.failed(this.orderId, this.amount, PaymentFailureReason.LIMIT_EXCEEDED, "too much");

		assertThatIllegalStateException().isThrownBy(payment::refund);
		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
	}

}
