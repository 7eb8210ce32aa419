package com.shop.events;

import java.util.UUID;

/** Events on the {@code payments} topic, written by payment-service. */
public sealed interface PaymentEvent extends ShopEvent permits PaymentCompleted, PaymentFailed, PaymentRefunded {

	UUID orderId();

	@Override
	default String subject() {
		return orderId().toString();
	}

}
