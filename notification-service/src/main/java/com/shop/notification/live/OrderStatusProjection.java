package com.shop.notification.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.shop.events.Envelope;
import com.shop.events.OrderEvent;
import com.shop.events.ShopEvent;
import com.shop.messaging.EventJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code order_status}, the current status of every order, from the order events
 * the shared consumer group handles: in the same transaction as the record of the
 * consumed event, so it is exactly as durable and idempotent as the e-mails. This is what
 * a new WebSocket subscriber is sent first.
 */
@Component
class OrderStatusProjection implements EventJournal {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusProjection.class);

	private final JdbcTemplate jdbc;

	OrderStatusProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void emitted(Envelope envelope, ShopEvent event) {
	}

	@Override
	public void consumed(Envelope envelope, ShopEvent event) {
		if (!(event instanceof OrderEvent order)) {
			return;
		}
		OrderStatusUpdate update = OrderStatusUpdate.of(envelope, order);
		OrderStatusUpdate next = update.after(current(update.orderId(), true).orElse(null));
		if (next == null) {
			log.info("Order {}: {} does not move its status forward, status kept", update.orderId(), update.type());
			return;
		}
		this.jdbc.update(
				"""
						insert into order_status (order_id, status, last_event_type, occurred_at, cancellation_reason, updated_at)
						values (?, ?, ?, ?, ?, ?)
						on conflict (order_id) do update set status = excluded.status,
						    last_event_type = excluded.last_event_type, occurred_at = excluded.occurred_at,
						    cancellation_reason = excluded.cancellation_reason, updated_at = excluded.updated_at
						""",
				next.orderId(), next.status().name(), next.type(), Timestamp.from(next.occurredAt()),
				next.cancellationReason(), Timestamp.from(Instant.now()));
	}

	/** The order's current status, if this service has seen it. */
	Optional<OrderStatusUpdate> current(UUID orderId) {
		return current(orderId, false);
	}

	private Optional<OrderStatusUpdate> current(UUID orderId, boolean forUpdate) {
		List<OrderStatusUpdate> rows = this.jdbc.query(
				"select status, last_event_type, occurred_at, cancellation_reason from order_status where order_id = ?"
						+ (forUpdate ? " for update" : ""),
				(rs, row) -> new OrderStatusUpdate(orderId, OrderStatus.valueOf(rs.getString(1)), rs.getString(2),
						rs.getTimestamp(3).toInstant(), rs.getString(4)),
				orderId);
		return rows.stream().findFirst();
	}

}
