package com.shop.events;

import java.util.UUID;

/** Events on the {@code inventory} topic, written by inventory-service. */
public sealed interface InventoryEvent extends ShopEvent permits StockReserved, StockRejected, StockReleased {

	UUID orderId();

	@Override
	default String subject() {
		return orderId().toString();
	}

}
