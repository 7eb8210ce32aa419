package com.shop.order.messaging;

import java.util.List;

import com.shop.events.StockRejected;
import com.shop.events.StockReleased;
import com.shop.events.StockReserved;
import com.shop.events.Topics;
import com.shop.messaging.EventHandlers;
import com.shop.messaging.InboundEvents;
import com.shop.order.OrderProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Inventory's answers to placed orders. */
@Component
class InventoryListener {

	private final InboundEvents inbound;

	private final EventHandlers handlers;

	InventoryListener(InboundEvents inbound, OrderProcess process) {
		this.inbound = inbound;
		this.handlers = EventHandlers.builder()
			.prepare(process::lockOrders)
			.on(StockReserved.class, process::stockReserved)
			.on(StockRejected.class, process::stockRejected)
			// changes nothing here, but belongs on the order's timeline
			.on(StockReleased.class, (released) -> {
			})
			.build();
	}

	@KafkaListener(topics = Topics.INVENTORY, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.dispatch(records, this.handlers);
	}

}
