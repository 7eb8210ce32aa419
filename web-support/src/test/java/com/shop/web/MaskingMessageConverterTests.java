package com.shop.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingMessageConverterTests {

	@Test
	void masksEmailAddressesButKeepsTheirDomain() {
		assertThat(MaskingMessageConverter.mask("Order 42 for jane.doe+shop@example.com placed"))
			.isEqualTo("Order 42 for j***@example.com placed");
	}

	@Test
	void masksPaymentTokensAndWebhookSecrets() {
		assertThat(
				MaskingMessageConverter.mask("charging tok_visa_4242, secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
			.isEqualTo("charging tok_***, secret whsec_***");
	}

	@Test
	void leavesOtherMessagesAlone() {
		assertThat(MaskingMessageConverter.mask("Order 3fa85f64 CONFIRMED in 120 ms"))
			.isEqualTo("Order 3fa85f64 CONFIRMED in 120 ms");
		assertThat(MaskingMessageConverter.mask(null)).isNull();
	}

}
