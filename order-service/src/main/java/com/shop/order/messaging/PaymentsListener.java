package com.shop.order.messaging;

import java.util.List;

import com.shop.events.PaymentCompleted;
import com.shop.events.PaymentFailed;
import com.shop.events.PaymentRefunded;
import com.shop.events.Topics;
import com.shop.messaging.EventHandlers;
import com.shop.messaging.InboundEvents;
import com.shop.order.OrderProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Payment outcomes of reserved orders. */
@Component
class PaymentsListener {

	private final InboundEvents inbound;

	private final EventHandlers handlers;

	PaymentsListener(InboundEvents inbound, OrderProcess process) {
		this.inbound = inbound;
		this.handlers = EventHandlers.builder()
			.prepare(process::lockOrders)
			.on(PaymentCompleted.class, process::paymentCompleted)
			.on(PaymentFailed.class, process::paymentFailed)
			// changes nothing here, but belongs on the order's timeline
			.on(PaymentRefunded.class, (refunded) -> {
			})
			.build();
	}

	@KafkaListener(topics = Topics.PAYMENTS, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.dispatch(records, this.handlers);
	}

}
