package com.shop.notification.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.shop.notification.NotificationRepository;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was sent, on which channel: for one order, or the latest overall. */
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

	private final NotificationRepository notifications;

	NotificationsController(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	/**
	 * The order's notifications, oldest first; without {@code orderId} the latest 100,
	 * also oldest first.
	 */
	@GetMapping
	List<NotificationView> list(@RequestParam(required = false) UUID orderId) {
		var found = (orderId != null) ? this.notifications.findByOrderIdOrderByCreatedAtAsc(orderId)
				: this.notifications.findTop100ByOrderByCreatedAtDesc();
		return found.stream()
			.map(NotificationView::of)
			.sorted(Comparator.comparing(NotificationView::createdAt))
			.toList();
	}

}
