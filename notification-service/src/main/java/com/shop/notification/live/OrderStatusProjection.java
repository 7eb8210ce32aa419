package com.shop.notification.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.shop.events.Envelope;
import com.shop.events.OrderEvent;
import com.shop.events.ShopEvent;
import com.shop.messaging.EventJournal;
import com.shop.messaging.SqlArrays;
import com.shop.messaging.TransactionBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code order_status}, the current status of every order, from the order events
 * the shared consumer group handles: in the same transaction as the record of the
 * consumed events, so it is exactly as durable and idempotent as the e-mails. This is
 * what a new WebSocket subscriber is sent first. The updates of one transaction are
 * applied together before it commits: the orders' rows are read and locked with one
 * statement, the updates folded in order (never moving an order backwards), and the
 * results written with one more.
 */
@Component
class OrderStatusProjection implements EventJournal {

	private static final Logger log = LoggerFactory.getLogger(OrderStatusProjection.class);

	private static final String UPSERT = """
			insert into order_status (order_id, status, last_event_type, occurred_at, cancellation_reason, updated_at)
			select order_id, status, last_event_type, occurred_at, cancellation_reason, now()
			from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[])
			    as s(order_id, status, last_event_type, occurred_at, cancellation_reason)
			on conflict (order_id) do update set status = excluded.status,
			    last_event_type = excluded.last_event_type, occurred_at = excluded.occurred_at,
			    cancellation_reason = excluded.cancellation_reason, updated_at = excluded.updated_at
			""";

	private final JdbcTemplate jdbc;

	private final TransactionBuffer<OrderStatusUpdate> updates;

	OrderStatusProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.updates = new TransactionBuffer<>(this::apply);
	}

	@Override
	public void emitted(Envelope envelope, ShopEvent event) {
	}

	@Override
	public void consumed(Envelope envelope, ShopEvent event) {
		if (event instanceof OrderEvent order) {
			this.updates.add(OrderStatusUpdate.of(envelope, order));
		}
	}

	private void apply(List<OrderStatusUpdate> updates) {
		Map<UUID, OrderStatusUpdate> current = new LinkedHashMap<>();
		UUID[] ids = updates.stream().map(OrderStatusUpdate::orderId).distinct().sorted().toArray(UUID[]::new);
		this.jdbc.query(
				"select order_id, status, last_event_type, occurred_at, cancellation_reason"
						+ " from order_status where order_id = any(?) order by order_id for update",
				(statement) -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)), (rs) -> {
					OrderStatusUpdate row = row(rs.getObject(1, UUID.class), rs);
					current.put(row.orderId(), row);
				});
		Map<UUID, OrderStatusUpdate> changed = new LinkedHashMap<>();
		for (OrderStatusUpdate update : updates) {
			OrderStatusUpdate next = update.after(current.get(update.orderId()));
			if (next == null) {
				log.info("Order {}: {} does not move its status forward, status kept", update.orderId(), update.type());
				continue;
			}
			current.put(next.orderId(), next);
			changed.put(next.orderId(), next);
		}
		if (changed.isEmpty()) {
			return;
		}
		List<OrderStatusUpdate> rows = new ArrayList<>(changed.values());
		this.jdbc.update(UPSERT, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", rows, OrderStatusUpdate::orderId);
			SqlArrays.bind(statement, 2, "varchar", rows, (row) -> row.status().name());
			SqlArrays.bind(statement, 3, "varchar", rows, OrderStatusUpdate::type);
			SqlArrays.bind(statement, 4, "timestamptz", rows, OrderStatusUpdate::occurredAt);
			SqlArrays.bind(statement, 5, "varchar", rows, OrderStatusUpdate::cancellationReason);
		});
	}

	/** The order's current status, if this service has seen it. */
	Optional<OrderStatusUpdate> current(UUID orderId) {
		List<OrderStatusUpdate> rows = this.jdbc.query(
				"select status, last_event_type, occurred_at, cancellation_reason from order_status where order_id = ?",
				(rs, row) -> new OrderStatusUpdate(orderId, OrderStatus.valueOf(rs.getString(1)), rs.getString(2),
						rs.getTimestamp(3).toInstant(), rs.getString(4)),
				orderId);
		return rows.stream().findFirst();
	}

	private static OrderStatusUpdate row(UUID orderId, java.sql.ResultSet rs) throws java.sql.SQLException {
		return new OrderStatusUpdate(orderId, OrderStatus.valueOf(rs.getString("status")),
				rs.getString("last_event_type"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("cancellation_reason"));
	}

}
