package com.shop.notification.messaging;

import java.util.List;

import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderPlaced;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.events.Topics;
import com.shop.messaging.EventHandlers;
import com.shop.messaging.InboundEvents;
import com.shop.notification.OrderNotifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands the order events customers hear about to {@link OrderNotifications}. Every order
 * event has a handler, even those that notify nobody, because the event journals (the
 * order status projection of live status, the webhooks) see only handled events.
 */
@Component
class OrdersListener {

	private final InboundEvents inbound;

	private final EventHandlers handlers;

	OrdersListener(InboundEvents inbound, OrderNotifications notifications) {
		this.inbound = inbound;
		this.handlers = EventHandlers.builder()
			.prepare(notifications::prepare)
			.on(OrderPlaced.class, notifications::placed)
			.on(OrderConfirmed.class, notifications::confirmed)
			.on(OrderCancelled.class, notifications::cancelled)
			.on(PaymentRequested.class, OrdersListener::journalOnly)
			.on(RefundRequested.class, OrdersListener::journalOnly)
			.build();
	}

	private static void journalOnly(Object event) {
	}

	@KafkaListener(topics = Topics.ORDERS, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.dispatch(records, this.handlers);
	}

}
