package com.shop.inventory.messaging;

import java.util.List;

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
			.prepare(reservations::prepare)
			.on(OrderPlaced.class, reservations::reserve)
			.on(OrderConfirmed.class, reservations::commit)
			.on(OrderCancelled.class, reservations::release)
			.build();
	}

	@KafkaListener(topics = Topics.ORDERS, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.dispatch(records, this.handlers);
	}

}
