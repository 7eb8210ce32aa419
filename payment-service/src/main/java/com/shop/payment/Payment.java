package com.shop.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.shop.events.Ids;
import com.shop.events.Money;
import com.shop.events.PaymentFailureReason;
import com.shop.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * The one charge of an order and what became of it: completed, failed, or completed and
 * later refunded.
 */
@Entity
public class Payment extends AssignedIdEntity<UUID> {

	@Id
	private UUID paymentId;

	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private PaymentFailureReason reason;

	private String detail;

	private String gatewayReference;

	private Instant createdAt;

	private Instant updatedAt;

	protected Payment() {
	}

	private Payment(UUID orderId, Money amount, PaymentStatus status) {
		this.paymentId = Ids.next();
		this.orderId = orderId;
		this.amount = amount.amount();
		this.currency = amount.currency();
		this.status = status;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
		markNew();
	}

	/** A charge the gateway approved. */
	public static Payment completed(UUID orderId, Money amount, String gatewayReference) {
		Payment payment = new Payment(orderId, amount, PaymentStatus.COMPLETED);
		payment.gatewayReference = gatewayReference;
		return payment;
	}

	/** A charge the gateway refused. */
	public static Payment failed(UUID orderId, Money amount, PaymentFailureReason reason, String detail) {
		Payment payment = new Payment(orderId, amount, PaymentStatus.FAILED);
		payment.reason = reason;
		payment.detail = detail;
		return payment;
	}

	/** Whether there is money to pay back: only a completed charge has any. */
	public boolean isRefundable() {
		return this.status == PaymentStatus.COMPLETED;
	}

	/**
	 * Records that the full amount was paid back.
	 * @throws IllegalStateException unless the payment is completed
	 */
	public void refund() {
		if (!isRefundable()) {
			throw new IllegalStateException("payment " + this.paymentId + " is " + this.status + ", not refundable");
		}
		this.status = PaymentStatus.REFUNDED;
		this.updatedAt = Instant.now();
	}

	public UUID paymentId() {
		return this.paymentId;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public Money amount() {
		return new Money(this.amount, this.currency);
	}

	public PaymentFailureReason reason() {
		return this.reason;
	}

	public String detail() {
		return this.detail;
	}

	public String gatewayReference() {
		return this.gatewayReference;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	@Override
	public UUID getId() {
		return this.paymentId;
	}

}
