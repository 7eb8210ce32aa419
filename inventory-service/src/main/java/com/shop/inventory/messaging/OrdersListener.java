package com.shop.inventory.messaging;

import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderPlaced;
import com.shop.events.Topics;
import com.shop.inventory.Reservations;
import com.shop.messaging.EventHandlers;
import com.shop.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns the order events that concern stock into reservation calls. */
@Component
class OrdersListener {

	private final InboundEvents inbound;

	private final EventHandlers handlers;

	OrdersListener(InboundEvents inbound, Reservations reservations) {
		this.inbound = inbound;
		this.handlers = EventHandlers.builder()
			.on(OrderPlaced.class, reservations::reserve)
			.on(OrderConfirmed.class, reservations::commit)
			.on(OrderCancelled.class, reservations::release)
			.build();
	}

	@KafkaListener(topics = Topics.ORDERS)
	void on(ConsumerRecord<String, byte[]> record) {
		this.inbound.dispatch(record, this.handlers);
	}

}
