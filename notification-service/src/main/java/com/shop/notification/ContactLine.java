package com.shop.notification;

import java.math.BigDecimal;

import com.shop.events.Money;
import com.shop.events.OrderLine;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a placed order, kept with its {@link OrderContact}. */
@Embeddable
class ContactLine {

	private String sku;

	private int quantity;

	@Column(precision = 12, scale = 2)
	private BigDecimal unitPriceAmount;

	private String unitPriceCurrency;

	protected ContactLine() {
	}

	ContactLine(OrderLine line) {
		this.sku = line.sku();
		this.quantity = line.quantity();
		this.unitPriceAmount = line.unitPrice().amount();
		this.unitPriceCurrency = line.unitPrice().currency();
	}

	OrderLine toOrderLine() {
		return new OrderLine(this.sku, this.quantity, new Money(this.unitPriceAmount, this.unitPriceCurrency));
	}

}
