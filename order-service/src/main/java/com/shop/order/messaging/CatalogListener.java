package com.shop.order.messaging;

import java.util.List;

import com.shop.events.ProductUpserted;
import com.shop.events.Topics;
import com.shop.messaging.EventHandlers;
import com.shop.messaging.InboundEvents;
import com.shop.order.CatalogReplica;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local catalog replica from the compacted catalog topic. */
@Component
class CatalogListener {

	private final InboundEvents inbound;

	private final EventHandlers handlers;

	CatalogListener(InboundEvents inbound, CatalogReplica catalog) {
		this.inbound = inbound;
		this.handlers = EventHandlers.builder().on(ProductUpserted.class, catalog::upsert).build();
	}

	@KafkaListener(topics = Topics.CATALOG_PRODUCTS, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.dispatch(records, this.handlers);
	}

}
