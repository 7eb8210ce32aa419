package com.shop.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A customer's request to place an order.
 *
 * @param idempotencyKey the client's key for safe retries, or {@code null}
 */
public record PlaceOrder(String customerId, String customerEmail, List<Line> items, String paymentMethod,
		String idempotencyKey) {

	public PlaceOrder {
		items = List.copyOf(items);
	}

	/** One requested line. */
	public record Line(String sku, int quantity) {
	}

	/**
	 * A digest of everything the order is made of, to tell a retry from a different
	 * request.
	 */
	String fingerprint() {
		StringBuilder canonical = new StringBuilder().append(this.customerId)
			.append('\n')
			.append(this.customerEmail)
			.append('\n')
			.append(this.paymentMethod);
		this.items.forEach((line) -> canonical.append('\n').append(line.sku()).append('\t').append(line.quantity()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
