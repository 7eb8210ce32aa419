package com.shop.events;

import java.util.UUID;

/** Events on the {@code orders} topic, written by order-service. */
public sealed interface OrderEvent extends ShopEvent
		permits OrderPlaced, PaymentRequested, OrderConfirmed, OrderCancelled, RefundRequested {

	UUID orderId();

	@Override
	default String subject() {
		return orderId().toString();
	}

}
