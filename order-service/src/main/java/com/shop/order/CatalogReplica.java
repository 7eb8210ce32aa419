package com.shop.order;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.shop.events.ProductUpserted;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The local, read-only copy of the catalog, kept from the compacted
 * {@code catalog.products} topic, so placing an order needs no call to another service.
 * Placement reads it through a cache that keeps each product for at most a second (and
 * reads it again in the background before then, so placement does not wait): a change
 * consumed here is seen at once (the product is evicted when its transaction commits),
 * one consumed by another instance within a second.
 */
@Service
public class CatalogReplica {

	private static final Duration KEPT_FOR = Duration.ofSeconds(1);

	private final CatalogProducts products;

	private final LoadingCache<String, Optional<CatalogProduct>> cache;

	CatalogReplica(CatalogProducts products) {
		this.products = products;
		// read again in the background half a second after it was read, while requests
		// go on with the copy they have: a busy placement path never waits for the
		// database; an entry nobody asked for within the second is read again on demand
		this.cache = Caffeine.newBuilder()
			.refreshAfterWrite(KEPT_FOR.dividedBy(2))
			.expireAfterWrite(KEPT_FOR)
			.maximumSize(100_000)
			.build(new CacheLoader<>() {

				@Override
				public Optional<CatalogProduct> load(String sku) {
					return CatalogReplica.this.load(Set.of(sku)).get(sku);
				}

				@Override
				public Map<String, Optional<CatalogProduct>> loadAll(Set<? extends String> skus) {
					return CatalogReplica.this.load(skus);
				}

			});
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
		this.cache.getAll(skus).forEach((sku, product) -> product.ifPresent((p) -> found.put(sku, p)));
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
