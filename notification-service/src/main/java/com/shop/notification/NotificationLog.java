package com.shop.notification;

import com.shop.events.NotificationSent;
import com.shop.messaging.EventPublisher;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of each delivery in a transaction of its own, committed right after
 * the channel answered. A sent notification and its {@link NotificationSent} commit
 * together, and stay committed even if the consumed event's transaction later rolls back,
 * so a redelivery finds it and does not send again. A failure stays visible even though
 * the event is retried.
 */
@Component
class NotificationLog {

	private final NotificationRepository notifications;

	private final EventPublisher events;

	NotificationLog(NotificationRepository notifications, EventPublisher events) {
		this.notifications = notifications;
		this.events = events;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void sent(OrderNotice notice, NotificationSender sender, String recipient) {
		Notification notification = find(notice, sender, recipient);
		notification.sent();
		this.notifications.save(notification);
		this.events
			.publish(new NotificationSent(notice.orderId(), sender.channel(), recipient, notice.template().id()));
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(OrderNotice notice, NotificationSender sender, String recipient, Exception ex) {
		Notification notification = find(notice, sender, recipient);
		notification.failed(ex);
		this.notifications.save(notification);
	}

	private Notification find(OrderNotice notice, NotificationSender sender, String recipient) {
		return this.notifications
			.findByOrderIdAndTemplateAndChannel(notice.orderId(), notice.template().id(), sender.channel())
			.orElseGet(() -> Notification.of(notice.orderId(), sender.channel(), recipient, notice.template()));
	}

}
