package com.shop.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTest {

	private static final String KEY = "c2hvcC10ZXN0LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=";

	private static final String OTHER_KEY = "b3RoZXItdGVzdC13ZWJob29rLXNlY3JldC1rZXktMzI=";

	private final SecretCipher cipher = new SecretCipher(KEY);

	@Test
	void encryptsWithAFreshNonceEachTimeAndDecryptsBack() {
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		String first = this.cipher.convertToDatabaseColumn(secret);
		String second = this.cipher.convertToDatabaseColumn(secret);
		assertThat(first).startsWith("aesgcm:v1:").doesNotContain("MfKQ9r8").isNotEqualTo(second);
		assertThat(this.cipher.convertToEntityAttribute(first)).isEqualTo(secret);
		assertThat(this.cipher.convertToEntityAttribute(second)).isEqualTo(secret);
	}

	@Test
	void anotherKeyOrATamperedValueCannotBeRead() {
		String stored = this.cipher.convertToDatabaseColumn("whsec_abc");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(OTHER_KEY).convertToEntityAttribute(stored));
		String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAA=") ? "BBB=" : "AAA=");
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.convertToEntityAttribute(tampered));
	}

	@Test
	void plainValuesWrittenBeforeEncryptionAreStillRead() {
		assertThat(this.cipher.convertToEntityAttribute("whsec_legacy")).isEqualTo("whsec_legacy");
		assertThat(this.cipher.convertToEntityAttribute(null)).isNull();
	}

	@Test
	void refusesAMissingOrShortKey() {
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(""));
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher("c2hvcnQ="));
	}

}
