package com.shop.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook signing secrets encrypted at rest: AES-256-GCM with a random 96-bit nonce
 * per value, the key from {@code shop.webhooks.secret-key} (base64 of 32 random bytes,
 * e.g. {@code openssl rand -base64 32}). A stolen database dump alone does not let anyone
 * sign deliveries. Stored as {@code aesgcm:v1:<base64(nonce | ciphertext | tag)>}; a
 * value without that prefix is read as it is (rows written before encryption) and
 * encrypted on its next write.
 */
@Component
@Converter
class SecretCipher implements AttributeConverter<String, String> {

	private static final String PREFIX = "aesgcm:v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	SecretCipher(@Value("${shop.webhooks.secret-key:}") String key) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key.trim());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("shop.webhooks.secret-key (SHOP_WEBHOOKS_SECRET_KEY) must be the base64 of"
					+ " 32 random bytes (openssl rand -base64 32): it encrypts the webhook secrets at rest");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	@Override
	public String convertToDatabaseColumn(String secret) {
		if (secret == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a webhook secret", ex);
		}
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot decrypt a webhook secret: shop.webhooks.secret-key is not the key it was encrypted with",
					ex);
		}
	}

	@Override
	public String toString() {
		return "SecretCipher[AES-256-GCM]";
	}

}
