package com.shop.notification.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.shop.events.Envelope;
import com.shop.events.EventJson;
import com.shop.events.OrderCancelled;
import com.shop.events.OrderConfirmed;
import com.shop.events.OrderEvent;
import com.shop.events.OrderPlaced;
import com.shop.events.PaymentRequested;
import com.shop.events.RefundRequested;

/**
 * One change of an order's status, as pushed to WebSocket subscribers (this record is the
 * JSON message) and as kept in the projection.
 *
 * @param orderId the order
 * @param status its status after the event
 * @param type the event's {@code ce_type}, e.g. {@code shop.order.confirmed.v1}
 * @param occurredAt the event's {@code ce_time}
 * @param cancellationReason why it was cancelled, only when {@code CANCELLED}
 */
record OrderStatusUpdate(UUID orderId, OrderStatus status, String type, Instant occurredAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String cancellationReason) {

	/** The status an order event leaves its order in. */
	static OrderStatusUpdate of(Envelope envelope, OrderEvent event) {
		OrderStatus status;
		String reason = null;
		if (event instanceof OrderPlaced) {
			status = OrderStatus.PENDING;
		}
		else if (event instanceof PaymentRequested) {
			status = OrderStatus.RESERVED;
		}
		else if (event instanceof OrderConfirmed) {
			status = OrderStatus.CONFIRMED;
		}
		else if (event instanceof OrderCancelled cancelled) {
			status = OrderStatus.CANCELLED;
			reason = cancelled.reason().name();
		}
		else if (event instanceof RefundRequested) {
			// only ever requested for an order that was already cancelled
			status = OrderStatus.CANCELLED;
		}
		else {
			throw new IllegalArgumentException("not an order event: " + event);
		}
		// as precise as the projection stores it, so the snapshot and the live copy of
		// one
		// event compare equal
		return new OrderStatusUpdate(event.orderId(), status, envelope.type(),
				envelope.time().truncatedTo(ChronoUnit.MICROS), reason);
	}

	/**
	 * What to apply on top of {@code previous} (the last state stored or sent), or
	 * {@code null} when this update would move the order backwards or repeats it. The
	 * lifecycle decides before the clock: events of one order may be stamped by different
	 * order-service instances whose clocks differ, but {@code RESERVED} always follows
	 * {@code PENDING}. Within one state the later event wins (a RefundRequested after
	 * OrderCancelled); a terminal state never turns into the other one.
	 */
	OrderStatusUpdate after(OrderStatusUpdate previous) {
		if (previous == null) {
			return this;
		}
		if (previous.status.isTerminal() && this.status != previous.status) {
			return null;
		}
		if (this.status.rank() < previous.status.rank()) {
			return null;
		}
		if (this.status.rank() == previous.status.rank() && !this.occurredAt.isAfter(previous.occurredAt)) {
			return null;
		}
		if (this.cancellationReason == null && this.status == previous.status) {
			return new OrderStatusUpdate(this.orderId, this.status, this.type, this.occurredAt,
					previous.cancellationReason);
		}
		return this;
	}

	String toJson() {
		return EventJson.mapper().writeValueAsString(this);
	}

}
