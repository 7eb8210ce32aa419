package com.shop.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.shop.events.CancellationReason;
import com.shop.events.Money;
import com.shop.events.OrderCancelled;
import com.shop.events.OrderLine;
import com.shop.events.OrderPlaced;

/**
 * What a customer is to be told about their order, independent of the channel that tells
 * it. {@code reason} and {@code detail} are known only when it is cancelled.
 *
 * @param template what happened
 * @param orderId the order
 * @param customerEmail the customer's e-mail address
 * @param items the order's lines
 * @param total the order's total
 * @param placedAt when the order was placed
 * @param reason why the order was cancelled, or {@code null}
 * @param detail more about the cancellation, or {@code null}
 */
public record OrderNotice(NotificationTemplate template, UUID orderId, String customerEmail, List<OrderLine> items,
		Money total, Instant placedAt, CancellationReason reason, String detail) {

	static OrderNotice received(OrderPlaced placed) {
		return new OrderNotice(NotificationTemplate.ORDER_RECEIVED, placed.orderId(), placed.customerEmail(),
				placed.items(), placed.total(), placed.placedAt(), null, null);
	}

	static OrderNotice confirmed(OrderContact contact) {
		return new OrderNotice(NotificationTemplate.ORDER_CONFIRMED, contact.orderId(), contact.customerEmail(),
				contact.lines(), contact.total(), contact.placedAt(), null, null);
	}

	static OrderNotice cancelled(OrderContact contact, OrderCancelled cancelled) {
		return new OrderNotice(NotificationTemplate.ORDER_CANCELLED, contact.orderId(), contact.customerEmail(),
				contact.lines(), contact.total(), contact.placedAt(), cancelled.reason(), cancelled.detail());
	}

}
