package com.shop.order;

import java.math.BigDecimal;
import java.time.Instant;

import com.shop.events.Money;
import com.shop.events.ProductUpserted;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product as the catalog topic last described it: what orders are priced from. */
@Entity
@Table(name = "catalog_product")
public class CatalogProduct {

	@Id
	private String sku;

	private String name;

	private BigDecimal unitPrice;

	private String currency;

	private boolean active;

	private Instant updatedAt;

	protected CatalogProduct() {
	}

	CatalogProduct(String sku) {
		this.sku = sku;
	}

	void apply(ProductUpserted upserted) {
		this.name = upserted.name();
		this.unitPrice = upserted.unitPrice().amount();
		this.currency = upserted.unitPrice().currency();
		this.active = upserted.active();
		this.updatedAt = Instant.now();
	}

	public String sku() {
		return this.sku;
	}

	public String name() {
		return this.name;
	}

	public Money unitPrice() {
		return new Money(this.unitPrice, this.currency);
	}

	public boolean active() {
		return this.active;
	}

}
