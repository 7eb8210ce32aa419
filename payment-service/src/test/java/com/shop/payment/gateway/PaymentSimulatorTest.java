package com.shop.payment.gateway;

import java.math.BigDecimal;
import java.util.UUID;

import com.shop.events.Money;
import com.shop.events.PaymentFailureReason;
import com.shop.payment.ChargeResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PaymentSimulatorTest {

	private final PaymentSimulator simulator = new PaymentSimulator(
			new SimulatorProperties(new BigDecimal("10000.00")));

	private final UUID orderId = UUID.randomUUID();

	@Test
	void approvesVisaWithAReferenceDerivedFromTheOrder() {
		ChargeResult result = this.simulator.charge(this.orderId, Money.of("19.98", "EUR"), "tok_visa");

		assertThat(result.isApproved()).isTrue();
		assertThat(result.reference()).startsWith("sim_ch_");
		assertThat(this.simulator.charge(this.orderId, Money.of("5.00", "EUR"), "tok_visa").reference())
			.isEqualTo(result.reference());
	}

	@Test
	void approvesAnAmountExactlyAtTheLimit() {
		assertThat(this.simulator.charge(this.orderId, Money.of("10000.00", "EUR"), "tok_visa").isApproved()).isTrue();
	}

	@Test
	void declinesTheDeclinedCard() {
		ChargeResult result = this.simulator.charge(this.orderId, Money.of("19.98", "EUR"), "tok_chargeDeclined");

		assertThat(result.isApproved()).isFalse();
		assertThat(result.reason()).isEqualTo(PaymentFailureReason.DECLINED);
		assertThat(result.reference()).isNull();
	}

	@Test
	void failsAnAmountAboveTheLimitWhateverTheMethod() {
		Money tooMuch = Money.of("10000.01", "EUR");

		assertThat(this.simulator.charge(this.orderId, tooMuch, "tok_visa").reason())
			.isEqualTo(PaymentFailureReason.LIMIT_EXCEEDED);
		assertThat(this.simulator.charge(this.orderId, tooMuch, "tok_chargeDeclined").reason())
			.isEqualTo(PaymentFailureReason.LIMIT_EXCEEDED);
		assertThat(this.simulator.charge(this.orderId, tooMuch, "tok_visa").detail()).contains("10000.00");
	}

	@Test
	void honoursAConfiguredLimit() {
		PaymentSimulator strict = new PaymentSimulator(new SimulatorProperties(new BigDecimal("50.00")));

		assertThat(strict.charge(this.orderId, Money.of("50.01", "EUR"), "tok_visa").reason())
			.isEqualTo(PaymentFailureReason.LIMIT_EXCEEDED);
	}

	@Test
	void declinesAnUnknownMethodSayingItIsUnknown() {
		ChargeResult result = this.simulator.charge(this.orderId, Money.of("19.98", "EUR"), "tok_mastercard");

		assertThat(result.reason()).isEqualTo(PaymentFailureReason.DECLINED);
		assertThat(result.detail()).contains("unknown payment method").contains("tok_mastercard");
	}

	@Test
	void refundsAlwaysSucceed() {
		assertThatNoException()
			.isThrownBy(() -> this.simulator.refund(this.orderId, "sim_ch_1", Money.of("19.98", "EUR")));
	}

}
