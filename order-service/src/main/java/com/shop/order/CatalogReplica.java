package com.shop.order;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shop.events.ProductUpserted;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The local, read-only copy of the catalog, kept from the compacted
 * {@code catalog.products} topic, so placing an order needs no call to another service.
 * Placement reads it through a cache that keeps each product for at most a second: a
 * change consumed here is seen at once (the product is evicted when its transaction
 * commits), one consumed by another instance within a second.
 */
@Service
public class CatalogReplica {

	private static final Duration KEPT_FOR = Duration.ofSeconds(1);

	private final CatalogProducts products;

	private final Cache<String, Optional<CatalogProduct>> cache = Caffeine.newBuilder()
		.expireAfterWrite(KEPT_FOR)
		.maximumSize(100_000)
		.build();

	CatalogReplica(CatalogProducts products) {
		this.products = products;
	}

	/** Takes the latest state of a product; runs inside the consuming transaction. */
	public void upsert(ProductUpserted upserted) {
		CatalogProduct product = this.products.findById(upserted.sku())
			.orElseGet(() -> new CatalogProduct(upserted.sku()));
		product.apply(upserted);
		this.products.save(product);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				CatalogReplica.this.cache.invalidate(upserted.sku());
			}
		});
	}

	/** The products known by these SKUs; unknown ones are missing from the map. */
	Map<String, CatalogProduct> find(Collection<String> skus) {
		Map<String, CatalogProduct> found = new HashMap<>();
		this.cache.getAll(skus, this::load).forEach((sku, product) -> product.ifPresent((p) -> found.put(sku, p)));
		return found;
	}

	private Map<String, Optional<CatalogProduct>> load(Set<? extends String> skus) {
		Map<String, Optional<CatalogProduct>> loaded = new HashMap<>();
		skus.forEach((sku) -> loaded.put(sku, Optional.empty()));
		this.products.findAllById(List.copyOf(skus))
			.forEach((product) -> loaded.put(product.sku(), Optional.of(product)));
		return loaded;
	}

}
