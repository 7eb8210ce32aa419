package com.shop.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.EventType;
import com.shop.events.OrderEvent;
import com.shop.events.ShopEvent;
import com.shop.events.Topics;
import com.shop.messaging.EventJournal;
import com.shop.messaging.TransactionBuffer;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Queues a webhook delivery for every order event consumed, one per active endpoint that
 * subscribes to its type, in the consumed event's transaction: the deliveries exist
 * exactly when the event counts as consumed, and a redelivered event queues nothing
 * twice. The body is fixed now, so every attempt sends the same bytes. The deliveries of
 * one transaction are written together before it commits, and the worker is woken once it
 * has; without subscribers nothing is written at all.
 */
@Component
class WebhookJournal implements EventJournal {

	private final Subscriptions subscriptions;

	private final TransactionBuffer<DeliveryQueue.Queued> deliveries;

	WebhookJournal(Subscriptions subscriptions, DeliveryQueue queue, DeliverySignal signal) {
		this.subscriptions = subscriptions;
		this.deliveries = new TransactionBuffer<>(queue::enqueue, signal::wakeUp);
	}

	@Override
	public void emitted(Envelope envelope, ShopEvent event) {
	}

	@Override
	public void consumed(Envelope envelope, ShopEvent event) {
		boolean orderEvent = EventType.byName(envelope.type())
			.filter((type) -> Topics.ORDERS.equals(type.topic()))
			.isPresent();
		if (!orderEvent) {
			return;
		}
		List<WebhookEndpoint> subscribed = this.subscriptions.subscribedTo(envelope.type());
		if (subscribed.isEmpty()) {
			return;
		}
		String body = body(envelope, event);
		UUID orderId = (event instanceof OrderEvent order) ? order.orderId() : null;
		for (WebhookEndpoint endpoint : subscribed) {
			// its outcome is reported in the consumed event's trace
			this.deliveries
				.add(new DeliveryQueue.Queued(endpoint.id(), envelope, orderId, body, envelope.traceparent()));
		}
	}

	/** {@code {"type", "timestamp", "data"}} as Standard Webhooks suggests. */
	static String body(Envelope envelope, ShopEvent event) {
		ObjectNode body = EventJson.mapper().createObjectNode();
		body.put("type", envelope.type());
		body.put("timestamp", envelope.time().toString());
		body.set("data", EventJson.mapper().readTree(EventJson.write(event)));
		return new String(EventJson.mapper().writeValueAsBytes(body), StandardCharsets.UTF_8);
	}

}
