package com.shop.notification;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderPlaced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Tells the customer about their order as it is placed, confirmed or cancelled, once per
 * channel. Runs inside the transaction of the consumed event. Counts what each channel
 * sent ({@code shop.notifications.sent}, by channel and template) and failed to send
 * ({@code shop.notifications.failed}, by channel).
 */
@Service
public class OrderNotifications {

	private static final Logger log = LoggerFactory.getLogger(OrderNotifications.class);

	private final OrderContactRepository contacts;

	private final NotificationRepository notifications;

	private final NotificationLog outcomes;

	private final List<NotificationSender> senders;

	private final MeterRegistry meters;

	OrderNotifications(OrderContactRepository contacts, NotificationRepository notifications, NotificationLog outcomes,
			List<NotificationSender> senders, MeterRegistry meters) {
		this.contacts = contacts;
		this.notifications = notifications;
		this.outcomes = outcomes;
		this.senders = senders;
		this.meters = meters;
	}

	public void placed(OrderPlaced placed) {
		this.contacts.save(OrderContact.of(placed));
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
		this.contacts.findById(orderId)
			.map(notice)
			.ifPresentOrElse(this::notify,
					() -> log.warn("Order {} was {} but is unknown here: no notification sent", orderId, what));
	}

	private void notify(OrderNotice notice) {
		for (NotificationSender sender : this.senders) {
			deliver(notice, sender);
		}
	}

	private void deliver(OrderNotice notice, NotificationSender sender) {
		boolean alreadySent = this.notifications
			.findByOrderIdAndTemplateAndChannel(notice.orderId(), notice.template().id(), sender.channel())
			.filter(Notification::wasSent)
			.isPresent();
		if (alreadySent) {
			log.info("Order {}: {} already sent by {}, not sending again", notice.orderId(), notice.template().id(),
					sender.channel());
			return;
		}
		String recipient = sender.recipient(notice);
		try {
			sender.send(notice);
		}
		catch (RuntimeException ex) {
			Counter.builder("shop.notifications.failed")
				.description("Notices a channel did not accept; the event is retried")
				.tag("channel", sender.channel().name())
				.register(this.meters)
				.increment();
			recordFailure(notice, sender, recipient, ex);
			throw ex;
		}
		Counter.builder("shop.notifications.sent")
			.description("Notices a channel accepted")
			.tag("channel", sender.channel().name())
			.tag("template", notice.template().id())
			.register(this.meters)
			.increment();
		this.outcomes.sent(notice, sender, recipient);
	}

	/**
	 * The delivery's own failure is what gets retried, even if recording it fails too.
	 */
	private void recordFailure(OrderNotice notice, NotificationSender sender, String recipient, RuntimeException ex) {
		log.warn("Order {}: {} by {} to {} failed, the event is retried: {}", notice.orderId(), notice.template().id(),
				sender.channel(), recipient, ex.toString());
		try {
			this.outcomes.failed(notice, sender, recipient, ex);
		}
		catch (RuntimeException recordingFailed) {
			ex.addSuppressed(recordingFailed);
		}
	}

}
