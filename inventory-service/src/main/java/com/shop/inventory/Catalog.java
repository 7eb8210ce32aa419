package com.shop.inventory;

import java.util.List;
import java.util.Optional;

import com.shop.events.Money;
import com.shop.messaging.EventPublisher;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product use cases: describing and restocking products. Every change publishes the
 * product's state to the catalog topic in the transaction that makes it.
 */
@Service
public class Catalog {

	private final ProductRepository products;

	private final EventPublisher events;

	Catalog(ProductRepository products, EventPublisher events) {
		this.products = products;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<Product> all() {
		return this.products.findAllByOrderBySku();
	}

	@Transactional(readOnly = true)
	public Optional<Product> find(String sku) {
		return this.products.findById(sku);
	}

	/** Creates the product (without stock) or changes its description. */
	@Transactional
	public Upserted upsert(String sku, String name, Money unitPrice, boolean active) {
		Optional<Product> existing = this.products.lock(sku);
		existing.ifPresent((product) -> product.describe(name, unitPrice, active));
		Product product = existing.orElseGet(() -> this.products.save(new Product(sku, name, unitPrice, active)));
		publish(product);
		return new Upserted(product, existing.isEmpty());
	}

	/** Adds stock; empty when the product does not exist. */
	@Transactional
	public Optional<Product> restock(String sku, int quantity) {
		return this.products.lock(sku).map((product) -> {
			product.restock(quantity);
			publish(product);
			return product;
		});
	}

	/**
	 * Publishes every product whose state has not been published yet (the seeded ones
	 * after the first start) in one transaction; afterwards there is nothing left to
	 * publish, so calling it again, or on every start, publishes nothing twice.
	 * @return how many products were published
	 */
	@Transactional
	public int publishPending() {
		List<Product> pending = this.products.lockUnpublished();
		pending.forEach(this::publish);
		return pending.size();
	}

	private void publish(Product product) {
		this.events.publish(product.catalogEntry());
		product.markPublished();
	}

	/** The outcome of an upsert: the product, and whether it is new. */
	public record Upserted(Product product, boolean created) {
	}

}
