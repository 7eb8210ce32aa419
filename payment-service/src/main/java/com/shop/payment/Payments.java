package com.shop.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.shop.events.PaymentCompleted;
import com.shop.events.PaymentFailed;
import com.shop.events.PaymentRefunded;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;
import com.shop.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
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

	Payments(PaymentRepository repository, PaymentGateway gateway, EventPublisher events) {
		this.repository = repository;
		this.gateway = gateway;
		this.events = events;
	}

	/** Charges the order unless it was charged before, and publishes the outcome. */
	@Transactional
	public void charge(PaymentRequested request) {
		Optional<Payment> existing = this.repository.findByOrderId(request.orderId());
		if (existing.isPresent()) {
			log.debug("Order {} already has payment {} ({}); not charging again", request.orderId(),
					existing.get().paymentId(), existing.get().status());
			return;
		}
		ChargeResult result = this.gateway.charge(request.orderId(), request.amount(), request.paymentMethod());
		if (result.isApproved()) {
			Payment payment = this.repository
				.save(Payment.completed(request.orderId(), request.amount(), result.reference()));
			this.events.publish(new PaymentCompleted(payment.orderId(), payment.paymentId(), payment.amount()));
		}
		else {
			this.repository.save(Payment.failed(request.orderId(), request.amount(), result.reason(), result.detail()));
			this.events.publish(new PaymentFailed(request.orderId(), result.reason(), result.detail()));
		}
	}

	/**
	 * Pays back a completed payment in full and publishes it; a payment that was refunded
	 * already, never completed, or is unknown here is left alone.
	 */
	@Transactional
	public void refund(RefundRequested request) {
		Payment payment = this.repository.findById(request.paymentId()).orElse(null);
		if (payment == null || !payment.orderId().equals(request.orderId())) {
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
