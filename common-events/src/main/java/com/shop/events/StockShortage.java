package com.shop.events;

import static java.util.Objects.requireNonNull;

/** A line that could not be reserved: how much was asked for and how much was there. */
public record StockShortage(String sku, int requested, int available) {

	public StockShortage {
		requireNonNull(sku, "sku");
	}

}
