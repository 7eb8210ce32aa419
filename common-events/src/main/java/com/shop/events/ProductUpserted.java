package com.shop.events;

import static java.util.Objects.requireNonNull;

/** A product was created or changed; the latest record per sku is the product's state. */
public record ProductUpserted(String sku, String name, Money unitPrice, boolean active) implements CatalogEvent {

	public ProductUpserted {
		requireNonNull(sku, "sku");
		requireNonNull(name, "name");
		requireNonNull(unitPrice, "unitPrice");
	}

}
