package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer placed an order; it is PENDING until stock is reserved. */
public record OrderPlaced(UUID orderId, String customerId, String customerEmail, List<OrderLine> items, Money total,
		String paymentMethod, Instant placedAt) implements OrderEvent {

	public OrderPlaced {
		requireNonNull(orderId, "orderId");
		requireNonNull(customerId, "customerId");
		requireNonNull(customerEmail, "customerEmail");
		items = List.copyOf(requireNonNull(items, "items"));
		requireNonNull(total, "total");
		requireNonNull(paymentMethod, "paymentMethod");
		requireNonNull(placedAt, "placedAt");
	}

}
