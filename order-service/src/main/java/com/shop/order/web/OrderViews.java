package com.shop.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.shop.events.CancellationReason;
import com.shop.events.Money;
import com.shop.order.Order;
import com.shop.order.OrderStatus;
import com.shop.order.OrderTimeline;

import org.springframework.data.domain.Page;

/** The JSON bodies order-service answers with. */
final class OrderViews {

	private OrderViews() {
	}

	/** The acknowledgment of a placement. */
	record Placed(UUID orderId, OrderStatus status, Money total, Instant placedAt) {

		static Placed of(Order order) {
			return new Placed(order.id(), order.status(), order.total(), order.createdAt());
		}

	}

	/** An order as the customer sees it. */
	record OrderView(UUID orderId, OrderStatus status, String customerId, String customerEmail, List<Item> items,
			Money total, CancellationReason cancellationReason, Instant createdAt, Instant updatedAt) {

		static OrderView of(Order order) {
			List<Item> items = order.items()
				.stream()
				.map((item) -> new Item(item.sku(), item.quantity(), new Money(item.unitPrice(), order.currency())))
				.toList();
			return new OrderView(order.id(), order.status(), order.customerId(), order.customerEmail(), items,
					order.total(), order.cancellationReason(), order.createdAt(), order.updatedAt());
		}

	}

	/** One line of an order. */
	record Item(String sku, int quantity, Money unitPrice) {
	}

	/** One page of a search. */
	record OrderPage(List<OrderView> content, int page, int size, long totalElements, int totalPages) {

		static OrderPage of(Page<OrderView> page) {
			return new OrderPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
					page.getTotalPages());
		}

	}

	/** One event on an order's timeline. */
	record TimelineEntry(UUID id, String type, String source, Instant occurredAt, @JsonRawValue String data) {

		static TimelineEntry of(OrderTimeline.Entry entry) {
			return new TimelineEntry(entry.id(), entry.type(), entry.source(), entry.occurredAt(), entry.data());
		}

	}

}
