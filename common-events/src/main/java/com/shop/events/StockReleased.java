package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** Stock held for a cancelled order is available again. */
public record StockReleased(UUID orderId, List<StockLine> items) implements InventoryEvent {

	public StockReleased {
		requireNonNull(orderId, "orderId");
		items = List.copyOf(requireNonNull(items, "items"));
	}

}
