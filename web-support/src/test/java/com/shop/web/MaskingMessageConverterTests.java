package com.shop.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
	void aLongRunOfAddressCharactersIsScannedOnceNotOncePerCharacter() {
		// 200,000 characters: a pattern that retries from every character takes minutes
		String run = "a".repeat(200_000);
		String masked = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> MaskingMessageConverter.mask(run + " @ " + run + "_x jane@example.com"));
		assertThat(masked).isEqualTo(run + " @ " + run + "_x j***@example.com");
	}

	@Test
	void leavesOtherMessagesAlone() {
		assertThat(MaskingMessageConverter.mask("Order 3fa85f64 CONFIRMED in 120 ms"))
			.isEqualTo("Order 3fa85f64 CONFIRMED in 120 ms");
		assertThat(MaskingMessageConverter.mask(null)).isNull();
	}

}
