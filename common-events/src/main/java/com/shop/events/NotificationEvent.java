package com.shop.events;

import java.util.UUID;

/** Events on the {@code notifications} topic, written by notification-service. */
public sealed interface NotificationEvent extends ShopEvent permits NotificationSent {

	UUID orderId();

	@Override
	default String subject() {
		return orderId().toString();
	}

}
