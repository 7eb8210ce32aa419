package com.shop.order;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.shop.events.ProductUpserted;

import org.springframework.stereotype.Service;

/**
 * The local, read-only copy of the catalog, kept from the compacted
 * {@code catalog.products} topic, so placing an order needs no call to another service.
 */
@Service
public class CatalogReplica {

	private final CatalogProducts products;

	CatalogReplica(CatalogProducts products) {
		this.products = products;
	}

	/** Takes the latest state of a product; runs inside the consuming transaction. */
	public void upsert(ProductUpserted upserted) {
		CatalogProduct product = this.products.findById(upserted.sku())
			.orElseGet(() -> new CatalogProduct(upserted.sku()));
		product.apply(upserted);
		this.products.save(product);
	}

	Map<String, CatalogProduct> find(Collection<String> skus) {
		return this.products.findAllById(skus)
			.stream()
			.collect(Collectors.toMap(CatalogProduct::sku, Function.identity()));
	}

}
