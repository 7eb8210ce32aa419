package com.shop.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

import com.shop.messaging.SqlArrays;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reservations and stock a batch of order events touches, read with two statements
 * (the products locked in sku order, so concurrent batches cannot deadlock) and written
 * back with at most four: the changed products' stock, the new reservations and their
 * lines, and the reservations that ended. In between, the batch's events change them in
 * memory, one event after the other, in order.
 */
final class StockBatch {

	private final Map<UUID, Reservation> reservations;

	private final Map<String, Product> products;

	private final Set<UUID> created = new LinkedHashSet<>();

	private final Set<UUID> ended = new LinkedHashSet<>();

	private final Set<String> changed = new LinkedHashSet<>();

	private StockBatch(Map<UUID, Reservation> reservations, Map<String, Product> products) {
		this.reservations = reservations;
		this.products = products;
	}

	/** Reads the orders' reservations, and locks and reads the products. */
	static StockBatch read(JdbcTemplate jdbc, Collection<UUID> orderIds, SortedSet<String> skus) {
		Map<UUID, ReservationStatus> statuses = new LinkedHashMap<>();
		Map<UUID, List<ReservationLine>> lines = new HashMap<>();
		jdbc.query(
				"select r.order_id, r.status, l.sku, l.quantity from reservation r"
						+ " left join reservation_line l on l.order_id = r.order_id where r.order_id = any(?)",
				(statement) -> SqlArrays.bind(statement, 1, "uuid", orderIds, (id) -> id), (rs) -> {
					UUID orderId = rs.getObject(1, UUID.class);
					statuses.put(orderId, ReservationStatus.valueOf(rs.getString(2)));
					List<ReservationLine> held = lines.computeIfAbsent(orderId, (id) -> new ArrayList<>());
					if (rs.getString(3) != null) {
						held.add(new ReservationLine(rs.getString(3), rs.getInt(4)));
					}
				});
		Map<UUID, Reservation> reservations = new HashMap<>();
		statuses.forEach((orderId, status) -> reservations.put(orderId,
				Reservation.restore(orderId, status, lines.getOrDefault(orderId, List.of()))));
		Set<String> all = new java.util.TreeSet<>(skus);
		reservations.values().forEach((reservation) -> reservation.lines().forEach((line) -> all.add(line.sku())));
		Map<String, Product> products = new HashMap<>();
		if (!all.isEmpty()) {
			jdbc.query(
					"select sku, name, unit_price, currency, on_hand, reserved, active from product"
							+ " where sku = any(?) order by sku for update",
					(statement) -> SqlArrays.bind(statement, 1, "varchar", all, (sku) -> sku), (rs) -> {
						Product product = Product.restore(rs.getString("sku"), rs.getString("name"),
								rs.getBigDecimal("unit_price"), rs.getString("currency"), rs.getInt("on_hand"),
								rs.getInt("reserved"), rs.getBoolean("active"));
						products.put(product.sku(), product);
					});
		}
		return new StockBatch(reservations, products);
	}

	Optional<Reservation> reservation(UUID orderId) {
		return Optional.ofNullable(this.reservations.get(orderId));
	}

	/** The product, if it exists; the caller is about to change its stock. */
	Product product(String sku) {
		Product product = this.products.get(sku);
		if (product != null) {
			this.changed.add(sku);
		}
		return product;
	}

	void add(Reservation reservation) {
		this.reservations.put(reservation.orderId(), reservation);
		this.created.add(reservation.orderId());
	}

	void ended(Reservation reservation) {
		if (!this.created.contains(reservation.orderId())) {
			this.ended.add(reservation.orderId());
		}
	}

	/** Writes what the batch changed. */
	void write(JdbcTemplate jdbc) {
		List<Product> products = this.changed.stream().map(this.products::get).toList();
		if (!products.isEmpty()) {
			jdbc.update("update product p set on_hand = s.on_hand, reserved = s.reserved, updated_at = now()"
					+ " from unnest(?::varchar[], ?::int[], ?::int[]) as s(sku, on_hand, reserved) where p.sku = s.sku",
					(statement) -> {
						SqlArrays.bind(statement, 1, "varchar", products, Product::sku);
						SqlArrays.bind(statement, 2, "int4", products, Product::onHand);
						SqlArrays.bind(statement, 3, "int4", products, Product::reserved);
					});
		}
		List<Reservation> created = this.created.stream().map(this.reservations::get).toList();
		if (!created.isEmpty()) {
			jdbc.update("insert into reservation (order_id, status, created_at, updated_at)"
					+ " select order_id, status, now(), now() from unnest(?::uuid[], ?::varchar[]) as r(order_id, status)",
					(statement) -> {
						SqlArrays.bind(statement, 1, "uuid", created, Reservation::orderId);
						SqlArrays.bind(statement, 2, "varchar", created, (reservation) -> reservation.status().name());
					});
			List<Map.Entry<UUID, ReservationLine>> lines = new ArrayList<>();
			created.forEach((reservation) -> reservation.lines()
				.forEach((line) -> lines.add(Map.entry(reservation.orderId(), line))));
			if (!lines.isEmpty()) {
				jdbc.update("insert into reservation_line (order_id, sku, quantity)"
						+ " select * from unnest(?::uuid[], ?::varchar[], ?::int[])", (statement) -> {
							SqlArrays.bind(statement, 1, "uuid", lines, Map.Entry::getKey);
							SqlArrays.bind(statement, 2, "varchar", lines, (line) -> line.getValue().sku());
							SqlArrays.bind(statement, 3, "int4", lines, (line) -> line.getValue().quantity());
						});
			}
		}
		List<Reservation> ended = this.ended.stream().map(this.reservations::get).toList();
		if (!ended.isEmpty()) {
			jdbc.update("update reservation r set status = e.status, updated_at = now()"
					+ " from unnest(?::uuid[], ?::varchar[]) as e(order_id, status) where r.order_id = e.order_id",
					(statement) -> {
						SqlArrays.bind(statement, 1, "uuid", ended, Reservation::orderId);
						SqlArrays.bind(statement, 2, "varchar", ended, (reservation) -> reservation.status().name());
					});
		}
	}

}
