package com.shop.order;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order, priced from the catalog when the order was placed. */
@Embeddable
public class OrderItem {

	@Column(nullable = false)
	private String sku;

	@Column(nullable = false)
	private int quantity;

	@Column(nullable = false)
	private BigDecimal unitPrice;

	protected OrderItem() {
	}

	OrderItem(String sku, int quantity, BigDecimal unitPrice) {
		this.sku = sku;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	public String sku() {
		return this.sku;
	}

	public int quantity() {
		return this.quantity;
	}

	public BigDecimal unitPrice() {
		return this.unitPrice;
	}

}
