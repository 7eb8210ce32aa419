package com.shop.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.shop.events.CancellationReason;
import com.shop.events.Money;
import com.shop.messaging.SqlArrays;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The orders a batch of events is about: read and locked with one statement (in id order,
 * so two batches, or a batch and a customer's cancel, cannot deadlock), changed in memory
 * by the batch's events one after the other, and the changed ones written back with one
 * statement.
 */
final class LockedOrders {

	private static final String LOCK = """
			select id, status, customer_id, customer_email, payment_method, total_amount, currency,
			    cancellation_reason, cancellation_detail, payment_id, created_at, updated_at
			from orders where id = any(?) order by id for update
			""";

	private static final String UPDATE = """
			update orders o set status = c.status, cancellation_reason = c.cancellation_reason,
			    cancellation_detail = c.cancellation_detail, payment_id = c.payment_id, updated_at = c.updated_at
			from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::timestamptz[])
			    as c(id, status, cancellation_reason, cancellation_detail, payment_id, updated_at)
			where o.id = c.id
			""";

	private final Map<UUID, Order> orders;

	private final Set<UUID> changed = new LinkedHashSet<>();

	private LockedOrders(Map<UUID, Order> orders) {
		this.orders = orders;
	}

	static LockedOrders lock(JdbcTemplate jdbc, Collection<UUID> ids) {
		Map<UUID, Order> orders = new HashMap<>();
		jdbc.query(LOCK, (statement) -> SqlArrays.bind(statement, 1, "uuid", ids, (id) -> id), (rs) -> {
			Order order = order(rs);
			orders.put(order.id(), order);
		});
		return new LockedOrders(orders);
	}

	/** The order, if it exists; the caller may change it, and it is then written back. */
	Optional<Order> get(UUID id) {
		Order order = this.orders.get(id);
		if (order != null) {
			this.changed.add(id);
		}
		return Optional.ofNullable(order);
	}

	void write(JdbcTemplate jdbc) {
		List<Order> changed = this.changed.stream().map(this.orders::get).toList();
		if (changed.isEmpty()) {
			return;
		}
		jdbc.update(UPDATE, (statement) -> {
			SqlArrays.bind(statement, 1, "uuid", changed, Order::id);
			SqlArrays.bind(statement, 2, "varchar", changed, (order) -> order.status().name());
			SqlArrays.bind(statement, 3, "varchar", changed,
					(order) -> (order.cancellationReason() != null) ? order.cancellationReason().name() : null);
			SqlArrays.bind(statement, 4, "varchar", changed, Order::cancellationDetail);
			SqlArrays.bind(statement, 5, "uuid", changed, Order::paymentId);
			SqlArrays.bind(statement, 6, "timestamptz", changed, Order::updatedAt);
		});
	}

	private static Order order(ResultSet rs) throws SQLException {
		String reason = rs.getString("cancellation_reason");
		return Order.restore(rs.getObject("id", UUID.class), OrderStatus.valueOf(rs.getString("status")),
				rs.getString("customer_id"), rs.getString("customer_email"), rs.getString("payment_method"),
				new Money(rs.getBigDecimal("total_amount"), rs.getString("currency")),
				(reason != null) ? CancellationReason.valueOf(reason) : null, rs.getString("cancellation_detail"),
				rs.getObject("payment_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
