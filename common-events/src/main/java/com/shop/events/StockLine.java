package com.shop.events;

import static java.util.Objects.requireNonNull;

/** A quantity of one sku, reserved or released. */
public record StockLine(String sku, int quantity) {

	public StockLine {
		requireNonNull(sku, "sku");
	}

}
