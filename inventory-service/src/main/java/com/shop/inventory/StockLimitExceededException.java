package com.shop.inventory;

/** A restock would take a product's stock beyond what can be counted. */
public class StockLimitExceededException extends RuntimeException {

	StockLimitExceededException(String sku, int onHand, int quantity) {
		super("cannot add " + quantity + " to the " + onHand + " units of " + sku + " on hand: the stock would exceed "
				+ Integer.MAX_VALUE);
	}

}
