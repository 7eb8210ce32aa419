package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** Stock could not be reserved for the order; nothing was held. */
public record StockRejected(UUID orderId, RejectionReason reason, List<StockShortage> items) implements InventoryEvent {

	public StockRejected {
		requireNonNull(orderId, "orderId");
		requireNonNull(reason, "reason");
		items = List.copyOf(requireNonNull(items, "items"));
	}

}
