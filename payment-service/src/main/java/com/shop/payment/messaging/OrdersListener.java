package com.shop.payment.messaging;

import java.util.List;

import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.events.Topics;
import com.shop.messaging.EventHandlers;
import com.shop.messaging.InboundEvents;
import com.shop.payment.Payments;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the payment and refund requests from the {@code orders} topic; the other order
 * events are not this service's business and are skipped.
 */
@Component
class OrdersListener {

	private final InboundEvents inbound;

	private final EventHandlers handlers;

	OrdersListener(InboundEvents inbound, Payments payments) {
		this.inbound = inbound;
		this.handlers = EventHandlers.builder()
			.prepare(payments::prepare)
			.on(PaymentRequested.class, payments::charge)
			.on(RefundRequested.class, payments::refund)
			.build();
	}

	@KafkaListener(topics = Topics.ORDERS, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.dispatch(records, this.handlers);
	}

}
