package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** Every line of the order is held in stock. */
public record StockReserved(UUID orderId, List<StockLine> items) implements InventoryEvent {

	public StockReserved {
		requireNonNull(orderId, "orderId");
		items = List.copyOf(requireNonNull(items, "items"));
	}

}
