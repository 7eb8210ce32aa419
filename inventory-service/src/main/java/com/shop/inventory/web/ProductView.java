package com.shop.inventory.web;

import com.shop.events.Money;
import com.shop.inventory.Product;

/** A product as the API shows it, with the stock still available for orders. */
record ProductView(String sku, String name, Money unitPrice, int onHand, int reserved, int available, boolean active) {

	static ProductView of(Product product) {
		return new ProductView(product.sku(), product.name(), product.unitPrice(), product.onHand(), product.reserved(),
				product.available(), product.isActive());
	}

}
