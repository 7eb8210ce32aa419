package com.shop.notification.web;

import java.time.Instant;
import java.util.UUID;

import com.shop.events.Channel;
import com.shop.notification.Notification;
import com.shop.notification.NotificationStatus;

/** A notification as the API shows it. */
record NotificationView(UUID id, UUID orderId, Channel channel, String recipient, String template,
		NotificationStatus status, Instant createdAt) {

	static NotificationView of(Notification notification) {
		return new NotificationView(notification.getId(), notification.getOrderId(), notification.getChannel(),
				notification.getRecipient(), notification.getTemplate(), notification.getStatus(),
				notification.getCreatedAt());
	}

}
