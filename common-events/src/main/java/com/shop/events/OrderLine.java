package com.shop.events;

import static java.util.Objects.requireNonNull;

/** One line of a placed order, priced from the catalog at placement. */
public record OrderLine(String sku, int quantity, Money unitPrice) {

	public OrderLine {
		requireNonNull(sku, "sku");
		requireNonNull(unitPrice, "unitPrice");
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive: " + quantity);
		}
	}

}
