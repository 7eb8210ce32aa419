package com.shop.payment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.shop.events.PaymentCompleted;
import com.shop.events.PaymentFailed;
import com.shop.events.PaymentRefunded;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.events.ShopEvent;
import com.shop.messaging.BatchState;
import com.shop.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charging and refunding orders. Each order is charged at most once: a request for an
 * order that already has a payment changes nothing, and the unique order id in the table
 * backs that up should two requests ever race. Every outcome is published in the
 * transaction that stores it.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final PaymentRepository repository;

	private final PaymentGateway gateway;

	private final EventPublisher events;

	/** The payments of a batch's orders, read with one query, by order id. */
	private final BatchState<Map<UUID, Payment>> batch = new BatchState<>();

	Payments(PaymentRepository repository, PaymentGateway gateway, EventPublisher events) {
		this.repository = repository;
		this.gateway = gateway;
		this.events = events;
	}

	/** Reads the payments of a batch's orders at once; the batch's events use them. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void prepare(List<ShopEvent> events) {
		Set<UUID> orderIds = new HashSet<>();
		events.forEach((event) -> orderIds.add(UUID.fromString(event.subject())));
		Map<UUID, Payment> payments = new HashMap<>();
		this.repository.findAllByOrderIdIn(orderIds).forEach((payment) -> payments.put(payment.orderId(), payment));
		this.batch.bind(payments);
	}

	/** Charges the order unless it was charged before, and publishes the outcome. */
	@Transactional
	public void charge(PaymentRequested request) {
		Optional<Payment> existing = paymentOf(request.orderId());
		if (existing.isPresent()) {
			log.debug("Order {} already has payment {} ({}); not charging again", request.orderId(),
					existing.get().paymentId(), existing.get().status());
			return;
		}
		ChargeResult result = this.gateway.charge(request.orderId(), request.amount(), request.paymentMethod());
		if (result.isApproved()) {
			Payment payment = save(Payment.completed(request.orderId(), request.amount(), result.reference()));
			this.events.publish(new PaymentCompleted(payment.orderId(), payment.paymentId(), payment.amount()));
		}
		else {
			save(Payment.failed(request.orderId(), request.amount(), result.reason(), result.detail()));
			this.events.publish(new PaymentFailed(request.orderId(), result.reason(), result.detail()));
		}
	}

	private Optional<Payment> paymentOf(UUID orderId) {
		return this.batch.current()
			.map((payments) -> Optional.ofNullable(payments.get(orderId)))
			.orElseGet(() -> this.repository.findByOrderId(orderId));
	}

	private Payment save(Payment payment) {
		Payment saved = this.repository.save(payment);
		this.batch.current().ifPresent((payments) -> payments.put(saved.orderId(), saved));
		return saved;
	}

	/**
	 * Pays back a completed payment in full and publishes it; a payment that was refunded
	 * already, never completed, or is unknown here is left alone.
	 */
	@Transactional
	public void refund(RefundRequested request) {
		Payment payment = paymentOf(request.orderId()).orElse(null);
		if (payment == null || !payment.paymentId().equals(request.paymentId())) {
			log.warn("No payment {} of order {} to refund", request.paymentId(), request.orderId());
			return;
		}
		if (!payment.isRefundable()) {
			log.debug("Payment {} is {}; nothing to refund", payment.paymentId(), payment.status());
			return;
		}
		this.gateway.refund(payment.orderId(), payment.gatewayReference(), payment.amount());
		payment.refund();
		this.events.publish(new PaymentRefunded(payment.orderId(), payment.paymentId(), payment.amount()));
	}

	/** The payment of an order, as a list of none or one. */
	@Transactional(readOnly = true)
	public List<Payment> ofOrder(UUID orderId) {
		return this.repository.findByOrderId(orderId).stream().toList();
	}

	/** The latest 100 payments, newest first. */
	@Transactional(readOnly = true)
	public List<Payment> latest() {
		return this.repository.findFirst100ByOrderByCreatedAtDescPaymentIdDesc();
	}

}
