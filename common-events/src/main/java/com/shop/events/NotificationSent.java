package com.shop.events;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A notification about an order went out on one channel. */
public record NotificationSent(UUID orderId, Channel channel, String recipient,
		String template) implements NotificationEvent {

	public NotificationSent {
		requireNonNull(orderId, "orderId");
		requireNonNull(channel, "channel");
		requireNonNull(recipient, "recipient");
		requireNonNull(template, "template");
	}

}
