package com.shop.inventory;

import java.math.BigDecimal;
import java.time.Instant;

import com.shop.events.Money;
import com.shop.events.ProductUpserted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * A product with its price and stock. Stock is {@code onHand} units of which
 * {@code reserved} are held for orders; every change goes through a method that refuses
 * to break {@code 0 <= reserved <= onHand}, so {@link #available()} is never negative.
 */
@Entity
@Table(name = "product")
public class Product {

	@Id
	private String sku;

	private String name;

	@Column(name = "unit_price", precision = 12, scale = 2)
	private BigDecimal unitPrice;

	private String currency;

	@Column(name = "on_hand")
	private int onHand;

	private int reserved;

	private boolean active;

	@Column(name = "catalog_published")
	private boolean catalogPublished;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Product() {
	}

	/** A new product; it has no stock until it is restocked. */
	Product(String sku, String name, Money unitPrice, boolean active) {
		this.sku = sku;
		describe(name, unitPrice, active);
	}

	/**
	 * A product as stored, read without JPA by the reservations of a batch, which write
	 * back its stock themselves.
	 */
	static Product restore(String sku, String name, BigDecimal unitPrice, String currency, int onHand, int reserved,
			boolean active) {
		Product product = new Product();
		product.sku = sku;
		product.name = name;
		product.unitPrice = unitPrice;
		product.currency = currency;
		product.onHand = onHand;
		product.reserved = reserved;
		product.active = active;
		return product;
	}

	/** Changes what the catalog says about the product; stock is untouched. */
	void describe(String name, Money unitPrice, boolean active) {
		this.name = name;
		this.unitPrice = unitPrice.amount();
		this.currency = unitPrice.currency();
		this.active = active;
	}

	/** Units arrived. */
	void restock(int quantity) {
		requirePositive(quantity);
		if (quantity > Integer.MAX_VALUE - this.onHand) {
			throw new StockLimitExceededException(this.sku, this.onHand, quantity);
		}
		this.onHand += quantity;
	}

	boolean canReserve(int quantity) {
		return quantity <= available();
	}

	/** Holds units for an order; they stay on hand but are no longer available. */
	void reserve(int quantity) {
		requirePositive(quantity);
		if (!canReserve(quantity)) {
			throw new IllegalStateException(
					"cannot reserve " + quantity + " of " + this.sku + ": only " + available() + " available");
		}
		this.reserved += quantity;
	}

	/** Makes held units available again (the order was cancelled). */
	void release(int quantity) {
		requirePositive(quantity);
		requireReserved(quantity, "release");
		this.reserved -= quantity;
	}

	/** Held units leave the warehouse (the order was confirmed). */
	void commit(int quantity) {
		requirePositive(quantity);
		requireReserved(quantity, "commit");
		this.reserved -= quantity;
		this.onHand -= quantity;
	}

	public int available() {
		return Math.max(0, this.onHand - this.reserved);
	}

	/** The product's current state for the catalog topic. */
	ProductUpserted catalogEntry() {
		return new ProductUpserted(this.sku, this.name, unitPrice(), this.active);
	}

	void markPublished() {
		this.catalogPublished = true;
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

	public int onHand() {
		return this.onHand;
	}

	public int reserved() {
		return this.reserved;
	}

	public boolean isActive() {
		return this.active;
	}

	boolean isCatalogPublished() {
		return this.catalogPublished;
	}

	@PrePersist
	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

	private static void requirePositive(int quantity) {
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive: " + quantity);
		}
	}

	private void requireReserved(int quantity, String action) {
		if (quantity > this.reserved) {
			throw new IllegalStateException(
					"cannot " + action + " " + quantity + " of " + this.sku + ": only " + this.reserved + " reserved");
		}
	}

}
