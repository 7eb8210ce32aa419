package com.shop.events;

/**
 * Events on the compacted {@code catalog.products} topic, written by inventory-service.
 */
public sealed interface CatalogEvent extends ShopEvent permits ProductUpserted {

	String sku();

	@Override
	default String subject() {
		return sku();
	}

}
