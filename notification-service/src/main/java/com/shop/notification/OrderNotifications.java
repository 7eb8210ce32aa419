package com.shop.notification;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderPlaced;
import com.shop.events.ShopEvent;
import com.shop.messaging.BatchState;
import com.shop.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Tells the customer about their order as it is placed, confirmed or cancelled, once per
 * channel. Runs inside the transaction of the consumed events: it keeps the order's
 * contact and queues a notification per channel, which {@link NotificationWorker} sends
 * once that transaction has committed. A redelivered or re-emitted event queues nothing
 * twice (one notification per order, template and channel).
 */
@Service
public class OrderNotifications {

	private static final Logger log = LoggerFactory.getLogger(OrderNotifications.class);

	private final OrderContactRepository contacts;

	private final NotificationQueue queue;

	private final List<NotificationSender> senders;

	private final EventPublisher events;

	/** The contacts of a batch's orders, read with one query. */
	private final BatchState<Map<UUID, OrderContact>> batch = new BatchState<>();

	OrderNotifications(OrderContactRepository contacts, NotificationQueue queue, List<NotificationSender> senders,
			EventPublisher events) {
		this.contacts = contacts;
		this.queue = queue;
		this.senders = senders;
		this.events = events;
	}

	/** Reads the contacts of the batch's orders at once; its events then use them. */
	public void prepare(List<ShopEvent> events) {
		Set<UUID> orderIds = new HashSet<>();
		events.forEach((event) -> orderIds.add(UUID.fromString(event.subject())));
		Map<UUID, OrderContact> known = new HashMap<>();
		this.contacts.findAllWithLines(orderIds).forEach((contact) -> known.put(contact.orderId(), contact));
		this.batch.bind(known);
	}

	public void placed(OrderPlaced placed) {
		OrderContact contact = contact(placed.orderId());
		if (contact != null) {
			contact.update(placed);
		}
		else {
			contact = this.contacts.save(OrderContact.of(placed));
			OrderContact saved = contact;
			this.batch.current().ifPresent((known) -> known.put(saved.orderId(), saved));
		}
		notify(OrderNotice.received(placed));
	}

	public void confirmed(OrderConfirmed confirmed) {
		notifyContact(confirmed.orderId(), "confirmed", OrderNotice::confirmed);
	}

	public void cancelled(OrderCancelled cancelled) {
		notifyContact(cancelled.orderId(), "cancelled", (contact) -> OrderNotice.cancelled(contact, cancelled));
	}

	/**
	 * OrderPlaced comes first on the order's partition, so an unknown order is one placed
	 * before this service existed (or its OrderPlaced was dead-lettered): nobody to tell,
	 * and retrying would not change that.
	 */
	private void notifyContact(UUID orderId, String what, Function<OrderContact, OrderNotice> notice) {
		OrderContact contact = contact(orderId);
		if (contact == null) {
			log.warn("Order {} was {} but is unknown here: no notification sent", orderId, what);
			return;
		}
		notify(notice.apply(contact));
	}

	private OrderContact contact(UUID orderId) {
		return this.batch.current()
			.map((known) -> known.get(orderId))
			.orElseGet(() -> this.contacts.findById(orderId).orElse(null));
	}

	private void notify(OrderNotice notice) {
		String traceparent = this.events.traceparent();
		for (NotificationSender sender : this.senders) {
			this.queue.add(notice, sender.channel(), sender.recipient(notice), traceparent);
		}
	}

}
